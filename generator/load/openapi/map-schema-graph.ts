/**
 * The image of a graph of schema objects, built without recursion (schemas may be nested thousands
 * of levels deep): each object gets one image, made once even when the graph shares it or cycles
 * back to it, then filled from a worklist.
 */
import { isJsonObject, type JsonObject } from "../keywords";

/**
 * `fill(source, image, imageOf)` completes the image of `source`; `imageOf(child)` gives a child's
 * image (queued to be filled; a non-object is its own image). `images` may be shared between calls.
 */
export function mapSchemaGraph(
  root: unknown,
  start: (source: JsonObject) => JsonObject,
  fill: (source: JsonObject, image: JsonObject, imageOf: (value: unknown) => unknown) => void,
  images: Map<object, JsonObject> = new Map(),
): unknown {
  const pending: [JsonObject, JsonObject][] = [];
  const imageOf = (value: unknown): unknown => {
    if (!isJsonObject(value)) return value;
    let image = images.get(value);
    if (!image) {
      image = start(value);
      images.set(value, image);
      pending.push([value, image]);
    }
    return image;
  };
  const result = imageOf(root);
  for (let next = pending.pop(); next; next = pending.pop()) fill(next[0], next[1], imageOf);
  return result;
}
