/** Request body for the Koala Server-Side /batch endpoint. Sends profile-level events, identify calls, and page views for a single visitor. */
export type KoalaProfileBatchRequest = {
    /**
     * UUID v4 anonymous visitor identifier from the ko_id cookie.
     *
     * @format uuid
     * @example "3e6a2c18-3b02-40c4-b8d2-1842c193d3ba"
     */
    profile_id?: string;
    /**
     * Known email address of the visitor.
     *
     * @format email
     * @example "person@example.com"
     */
    email?: string;
    /**
     * Custom track events, up to 30 per request.
     *
     * @maxItems 30
     */
    events?: TrackEvent[];
    /**
     * Identify calls with visitor traits, up to 30 per request.
     *
     * @maxItems 30
     */
    identifies?: IdentifyCall[];
    /**
     * Page view events, up to 30 per request.
     *
     * @maxItems 30
     */
    page_views?: PageView[];
    [key: string]: unknown;
} & ({
    profile_id: string;
} | {
    email: string;
});
export interface TrackEvent {
    [key: string]: unknown;
    /** Idempotency key. Omit to allow potential duplicates on retry. */
    message_id?: string;
    type: "track";
    /**
     * Human-readable event name.
     *
     * @example "Created Account"
     */
    event: string;
    properties?: {
        [key: string]: unknown;
    };
    /** @format date-time */
    sent_at?: string;
}
export interface IdentifyCall {
    [key: string]: unknown;
    type: "identify";
    /** @format date-time */
    sent_at?: string;
    traits?: {
        /** @format email */
        email?: string;
        billing_plan?: string;
        vip?: boolean;
        is_current_customer?: boolean;
        [key: string]: unknown;
    };
}
export interface PageView {
    [key: string]: unknown;
    message_id?: string;
    type: "page";
    name?: string;
    properties?: {
        [key: string]: unknown;
    };
    /** @format date-time */
    sent_at?: string;
}
/** Request body for the Koala Server-Side /accounts/batch endpoint. Sends account-level identify calls (traits) and events for one account, named by its domain (recommended: the account is created if missing) or its Koala account id. */
export type KoalaAccountBatchRequest = {
    /**
     * The account's web domain (recommended); Koala creates the account if it does not exist yet.
     *
     * @example "example.com"
     */
    domain?: string;
    /** Koala's id of an existing account. */
    account_id?: string;
    /** Identify calls with account traits. */
    identifies?: AccountIdentifyCall[];
    /** Custom track events for the account. */
    events?: TrackEvent[];
    [key: string]: unknown;
} & ({
    domain: string;
} | {
    account_id: string;
});
export interface AccountIdentifyCall {
    [key: string]: unknown;
    /** Account traits (plan, industry, ...): any JSON values. */
    traits: {
        [key: string]: unknown;
    };
    /** The group (tenant) the traits belong to, for multi-tenant accounts. */
    group_id?: string;
    /** @format date-time */
    sent_at?: string;
}
