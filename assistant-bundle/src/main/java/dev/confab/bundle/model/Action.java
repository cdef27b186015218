package dev.confab.bundle.model;

import java.util.List;
import java.util.Map;

/**
 * An HTTP webhook a flow calls: the listed slots go out as JSON, fields of the answer come back into slots.
 *
 * @param url               where to POST; {@code ${NAME}} is replaced by the environment variable NAME
 * @param headers           header → value, with the same substitution (keeps tokens out of the bundle)
 * @param send              slots sent as the JSON body
 * @param result            JSON pointer in the answer → slot it fills
 * @param timeoutMillis     per attempt
 * @param retries           further attempts after a failure or timeout
 * @param interimAfterMillis when the call takes longer, the user is told to wait ({@code interim} response)
 * @param onError           response said when the call fails; the flow then ends
 */
public record Action(String url, Map<String, String> headers, List<String> send, Map<String, String> result,
                     Integer timeoutMillis, Integer retries, Integer interimAfterMillis, String onError) {

    public Action {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        send = send == null ? List.of() : List.copyOf(send);
        result = result == null ? Map.of() : Map.copyOf(result);
        timeoutMillis = timeoutMillis == null ? 3000 : timeoutMillis;
        retries = retries == null ? 1 : retries;
        interimAfterMillis = interimAfterMillis == null ? 1500 : interimAfterMillis;
        onError = onError == null ? "action_failed" : onError;
    }
}
