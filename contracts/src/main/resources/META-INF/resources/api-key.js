// Shared by Confab's operator pages (review, analytics), served by every service from the contracts jar: the API
// key is typed into the page's form, or arrives once in the address's fragment (#key=…, which no server sees) and is
// taken out of the address at once, so it is neither bookmarked nor shown in a screenshot of the URL.
window.confabApiKey = (form) => {
  "use strict";
  const fragmentKey = new URLSearchParams(location.hash.slice(1)).get("key");
  if (fragmentKey) {
    form.elements.key.value = fragmentKey;
    history.replaceState(null, "", location.pathname + location.search);
  }
  return (options = {}) => ({
    ...options,
    headers: { ...(options.headers || {}), Authorization: "Bearer " + form.elements.key.value.trim() },
  });
};
