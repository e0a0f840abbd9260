/** Realistic Koala /batch payloads, shared by the guard tests and the benchmark. */

export const VALID_BATCH = {
  profile_id: "3e6a2c18-3b02-40c4-b8d2-1842c193d3ba",
  email: "person@example.com",
  events: [
    { type: "track", event: "Created Account", message_id: "m-1", sent_at: "2024-02-29T10:15:00.123Z", properties: { plan: "pro", seats: 3 } },
    { type: "track", event: "Invited Teammate", sent_at: "2024-03-01T08:00:00+01:00" },
  ],
  identifies: [{ type: "identify", sent_at: "2024-03-01T08:00:00Z", traits: { email: "person@example.com", billing_plan: "pro", vip: true, is_current_customer: false } }],
  page_views: [{ type: "page", name: "Pricing", message_id: "pv-1", sent_at: "2024-03-01T08:00:01Z", properties: { path: "/pricing" } }],
};

/** Several errors at once: a bad uuid, a wrong discriminator, a missing event name, a bad date, a non-boolean trait. */
export const INVALID_BATCH = {
  profile_id: "not-a-uuid",
  events: [
    { type: "track", event: "ok", sent_at: "2024-02-29T10:15:00Z" },
    { type: "trak", sent_at: "2023-02-29T10:15:00Z" },
  ],
  identifies: [{ type: "identify", traits: { email: "nobody@", vip: "yes" } }],
  page_views: [{ type: "page", sent_at: 12 }],
};

const pad = (n: number): string => String(n).padStart(2, "0");

/** A realistic batch of 21 items (10 track events, 4 identifies, 7 page views) for one visitor. */
export function realisticBatch(): Record<string, unknown> {
  const at = (i: number): string => `2024-03-${pad(1 + (i % 28))}T${pad(i % 24)}:${pad((i * 7) % 60)}:${pad((i * 13) % 60)}.${100 + i}Z`;
  return {
    profile_id: "3e6a2c18-3b02-40c4-b8d2-1842c193d3ba",
    email: "jane.doe+work@acme-corp.example.com",
    events: Array.from({ length: 10 }, (_, i) => ({
      type: "track",
      event: ["Signed Up", "Created Project", "Invited Teammate", "Upgraded Plan", "Exported Report"][i % 5],
      message_id: `evt-${1000 + i}`,
      sent_at: at(i),
      properties: { plan: "growth", seats: 5 + i, source: "web", trial: i % 2 === 0 },
    })),
    identifies: Array.from({ length: 4 }, (_, i) => ({
      type: "identify",
      sent_at: at(20 + i),
      traits: { email: "jane.doe+work@acme-corp.example.com", billing_plan: "growth", vip: i === 0, is_current_customer: true, company: "Acme Corp" },
    })),
    page_views: Array.from({ length: 7 }, (_, i) => ({
      type: "page",
      name: ["Home", "Pricing", "Docs", "Blog", "Changelog", "Careers", "Contact"][i],
      message_id: `pv-${2000 + i}`,
      sent_at: at(40 + i),
      properties: { path: `/${["", "pricing", "docs", "blog", "changelog", "careers", "contact"][i]}`, referrer: "https://www.google.com/" },
    })),
  };
}

/** The realistic batch with six errors spread over its items (format, const, required, type). */
export function invalidRealisticBatch(): Record<string, unknown> {
  const batch = realisticBatch() as { profile_id: string; events: any[]; identifies: any[]; page_views: any[] };
  batch.profile_id = "3e6a2c18-3b02-40c4-b8d2-1842c193d3b"; // one hex digit short
  batch.events[2].type = "trak";
  delete batch.events[5].event;
  batch.events[8].sent_at = "2023-02-29T10:00:00Z"; // not a leap year
  batch.identifies[1].traits.vip = "yes";
  batch.page_views[3].sent_at = "2024-03-01 25:00:00Z";
  return batch;
}
