package dev.confab.contracts.security;

import java.util.List;

/**
 * What an API key may do. A key carries one or more roles; each endpoint names the roles that may call it
 * ({@code @RolesAllowed}), and an endpoint that names none is refused to everyone.
 */
public final class Roles {

    /** Chats through the gateway's public API: the key a web page or an app embeds. */
    public static final String CLIENT = "client";
    /** Takes, writes to and gives back conversations handed to a human. */
    public static final String AGENT = "agent";
    /** Reads transcripts, reviews conversations, exports training data, tries the NLU. */
    public static final String REVIEWER = "reviewer";
    /** Reads analytics. */
    public static final String ANALYST = "analyst";
    /** Releases assistants, administers knowledge, erases users. */
    public static final String ADMIN = "admin";

    /** Every role, in the order documentation lists them. */
    public static final List<String> ALL = List.of(CLIENT, AGENT, REVIEWER, ANALYST, ADMIN);

    private Roles() {
    }
}
