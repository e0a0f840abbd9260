/**
 * An API that documents a redirect as the answer (GitHub's `actionsDownloadArtifact`: 302 +
 * Location, met with @octokit/openapi's fixture.api.github.com): fetch follows redirects by default, so the
 * typed 302 never reached the caller. The transport's `redirect: "manual"` returns the 3xx as the
 * result, its declared `Location` read; the default stays fetch's "follow". Against a real HTTP
 * server on 127.0.0.1 that answers 302 and, at the Location, 200.
 */
import { useFixtureClient } from "../helpers/fixture-client";

const fixture = useFixtureClient("documented-redirects.json");

const redirect = () => ({ status: 302, headers: { location: `${fixture.server.origin}/files/1.zip` } });

test('with redirect: "manual" the documented 302 is the result, its Location read, nothing followed', async () => {
  fixture.server.respond(redirect(), { status: 200, body: "PK" });
  const client = fixture.api.createArtifactsAPIClient({ baseUrl: fixture.server.origin, redirect: "manual", validateResponses: true, retry: { attempts: 1 } });
  const result = await fixture.api.downloadArtifact(client, { path: { id: 1 } });
  expect(result).toMatchObject({ ok: false, status: 302, header: { Location: `${fixture.server.origin}/files/1.zip` } });
  expect(fixture.server.received.map((r) => r.url)).toEqual(["/artifacts/1/zip"]);
});

test("by default fetch follows the redirect, as before: the 302 is not seen and the Location is requested", async () => {
  fixture.server.respond(redirect(), { status: 200, body: "PK" });
  const client = fixture.api.createArtifactsAPIClient({ baseUrl: fixture.server.origin, retry: { attempts: 1 } });
  const result = await fixture.api.downloadArtifact(client, { path: { id: 1 } });
  expect(result.status).toBe(200);
  expect(fixture.server.received.map((r) => r.url)).toEqual(["/artifacts/1/zip", "/files/1.zip"]);
});

test('redirect: "follow" given explicitly is the default', async () => {
  fixture.server.respond(redirect(), { status: 200, body: "PK" });
  const client = fixture.api.createArtifactsAPIClient({ baseUrl: fixture.server.origin, redirect: "follow", retry: { attempts: 1 } });
  expect((await fixture.api.downloadArtifact(client, { path: { id: 1 } })).status).toBe(200);
  expect(fixture.server.received).toHaveLength(2);
});
