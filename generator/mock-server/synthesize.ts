/**
 * A value for a type of the model, when the document gives no example: read from the IR (references
 * are type names, every dialect already in 2020-12 terms), deterministic for a seed (mulberry32).
 * Covers types, const, enum, formats, lengths and bounds, multipleOf, patterns (pattern-sample.ts),
 * required and optional properties, additional properties, arrays (prefixItems, contains, unique),
 * allOf (merged), anyOf/oneOf (one branch), and recursion: past `maxDepth` only what is required is
 * made, and the smallest branch is chosen. The result is checked with the type's generated guard
 * (synthesizeValid); keywords the synthesizer cannot aim at (not, if/then/else, a oneOf whose value
 * fits two branches) are met by trying further seeds.
 */
import { findType, jsonTypeOf, type IrModel, type IrNode, type IrSchema, type JsonType, type JsonValue } from "../ir/model";
import { fnv1a, mulberry32 } from "./faults";
import type { GuardFn, GuardIssue, MockApi, MockOperation } from "./mock-api";
import { mediaTypeEssence, type ParameterLocation } from "../load/openapi/operation-model";
import { compiledRegex, patternMatches } from "../ir/regex-flags";
import { samplePattern } from "./pattern-sample";
import { hasOwn } from "../../templates/runtime/checks";
import { isJsonMediaType } from "../../templates/runtime/responses";
import { isJsonMedia } from "./answers";
import { setOwn } from "../own-property";

/** Past this depth, optional properties are left out, arrays are as short as allowed. */
const DEFAULT_MAX_DEPTH = 4;
/** A schema that requires itself without end is given up on here. */
const HARD_DEPTH = 40;
const ATTEMPTS = 24;
/**
 * Attempts after ATTEMPTS that also break the other branches of each oneOf taken: a value of one
 * branch that fits another fails the oneOf (docker.com/dvp's { months } or { weeks }, neither
 * required; influxdata.com's Dashboard or DashboardWithViewProperties, whose cells differ only in an
 * optional property). Only after the plain attempts, so a value found before stays the same.
 */
const RIVAL_ATTEMPTS = 12;

export interface Synthesized {
  value: JsonValue;
  /** Set when no attempt passed the guard: the last attempt's errors. */
  errors?: GuardIssue[];
}

/** A value of `type` that passes `validate`, the same for the same seed and key ("getPet 200"). */
export function synthesizeValid(model: IrModel, type: string, validate: GuardFn, seed: number, key: string, maxDepth = DEFAULT_MAX_DEPTH): Synthesized {
  let last: Synthesized = { value: null };
  for (let attempt = 0; attempt <= ATTEMPTS + RIVAL_ATTEMPTS; attempt++) {
    const random = mulberry32((seed ^ fnv1a(key) ^ Math.imul(attempt + 1, 0x9e3779b9)) >>> 0);
    // The last attempt is the least value: every optional property left out, every array as short as
    // allowed, the branch that asks least. What no value can fill in an optional part is then not
    // asked for: sendgrid.com's message events (an array, required, of items whose required
    // bounce_type is enum [soft, hard] in one allOf branch and [bounced, blocked, expired] in the
    // other) are answered as [] rather than with a 500. Last, so that a value found before stays the same.
    const least = attempt === ATTEMPTS + RIVAL_ATTEMPTS;
    let value: JsonValue;
    try {
      value = new Synthesizer(model, random, least ? 0 : maxDepth, attempt >= ATTEMPTS).value({ schemaPath: "", ref: type, annotations: {} }, 0);
    } catch (error) {
      if (!(error instanceof TooDeep)) throw error;
      last = { value: null, errors: [{ path: "", message: `the type ${type} requires itself more than ${HARD_DEPTH} levels deep` }] };
      continue;
    }
    const checked = validate(value);
    if (checked.ok) return { value };
    last = { value, errors: checked.errors };
  }
  return last;
}

/** A request for an operation as a generated client takes it: parameters by location, the body and its media type. */
export interface SynthesizedRequest {
  path?: Record<string, JsonValue>;
  query?: Record<string, JsonValue>;
  header?: Record<string, JsonValue>;
  cookie?: Record<string, JsonValue>;
  body?: JsonValue;
  /** The body's media type: the first the operation declares. */
  contentType?: string;
  /** Set when a part had no value passing its guard: the location ("query", "body") and the last errors. */
  errors?: { in: string; errors: GuardIssue[] }[];
}

/**
 * A valid request for an operation of the mock's document (end-to-end tests call every operation
 * with one): each parameter location's value and the body of the first media type, each passing its
 * generated guard, the same for the same seed. Path values are made again until each one is
 * something a path segment can hold (an empty string, array or object would leave the segment empty).
 */
export function synthesizeRequest(api: MockApi, operation: MockOperation, seed: number): SynthesizedRequest {
  const request: SynthesizedRequest = {};
  const errors: NonNullable<SynthesizedRequest["errors"]> = [];
  for (const [location, checked] of Object.entries(operation.parameters) as [ParameterLocation, NonNullable<MockOperation["parameters"][ParameterLocation]>][]) {
    const first = synthesizeValid(api.model, checked.type, checked.validate, seed, `${operation.name} ${location}`);
    let made = first;
    // A value that does not arrive as drawn is drawn again: the server reads what the client sends.
    const arrives = (value: JsonValue) => (location === "path" ? fillsSegments(value) : checked.validate(asSent(value)).ok);
    for (let attempt = 1; !made.errors && !arrives(made.value) && attempt < ATTEMPTS; attempt++) {
      made = synthesizeValid(api.model, checked.type, checked.validate, seed, `${operation.name} ${location} ${attempt}`);
    }
    if (made.errors) errors.push({ in: location, errors: made.errors });
    else if (location === "path" && !fillsSegments(made.value)) errors.push({ in: location, errors: [{ path: "", message: "no value fills every path segment" }] });
    // Elsewhere the first value stays when none arrives whole (a parameter given by `content` sends null as JSON text).
    else if (location !== "path" && !arrives(made.value)) made = first;
    request[location] = made.value as Record<string, JsonValue>;
  }
  const content = operation.body?.contents[0];
  if (content) {
    request.contentType = typeUnderRange(content.mediaType);
    if (content.checked) {
      const made = synthesizeValid(api.model, content.checked.type, content.checked.validate, seed, `${operation.name} body ${content.mediaType}`);
      // An optional body that no finite value satisfies (circular-request-bodies' TreeNode requires a
      // parent TreeNode, @readme/oas-examples) is left out: the request is valid without it.
      if (made.errors && !operation.body!.required) {
        delete request.contentType;
        return errors.length > 0 ? { ...request, errors } : request;
      }
      if (made.errors) errors.push({ in: "body", errors: made.errors });
      // A body under a key that names no media type (spoonacular.com's "") is typed a Blob or a string
      // and sent as given: its JSON text, as for sentAsGiven's, is what a caller would pass.
      request.body = sentAsGiven(request.contentType) || mediaTypeEssence(request.contentType) === "" ? JSON.stringify(made.value) : made.value;
    } else request.body = /json/i.test(content.mediaType) ? {} : "text";
  }
  return errors.length > 0 ? { ...request, errors } : request;
}

/**
 * Whether the client sends a body of this media type as it is given (runtime rawBody: a Blob or a
 * string) while the mock reads it as JSON: `text/json`, and Shopware's Admin API key
 * "application\\/json" (an escaped slash). Such a body is synthesized as its JSON text, as a caller
 * of the client would pass it; else the client sent "[object Object]" (400, "The body is not JSON").
 */
function sentAsGiven(contentType: string): boolean {
  const essence = mediaTypeEssence(contentType);
  return isJsonMedia(essence) && !isJsonMediaType(essence) && essence !== "application/x-www-form-urlencoded" && !essence.startsWith("multipart/");
}

/**
 * A media type to send for one declared: itself, or one under a media range ("image/*" → image/png,
 * "*\/*" → application/octet-stream), which is what a request must carry (a server checks its
 * Content-Type against the range).
 */
function typeUnderRange(mediaType: string): string {
  const essence = mediaTypeEssence(mediaType);
  if (!essence.endsWith("/*")) return mediaType;
  const top = essence.slice(0, -2);
  return TYPICAL_UNDER_RANGE.get(top) ?? (top === "*" ? "application/octet-stream" : `${top}/octet-stream`);
}

/** A common media type of each top-level type, for a request under a range. */
const TYPICAL_UNDER_RANGE = new Map([
  ["image", "image/png"],
  ["text", "text/plain"],
  ["audio", "audio/mpeg"],
  ["video", "video/mp4"],
  ["application", "application/octet-stream"],
  ["font", "font/woff2"],
]);

/**
 * Every path parameter's value serializes to a non-empty segment (null too is an empty one), and not to "." or "..": the URL
 * parser removes those dot segments (percent-encoded too), so the request would reach another path
 * (azure.com/security's resourceGroupName, pattern `^[-\w\._\(\)]+$`, drew "." and got a 404).
 */
function fillsSegments(values: JsonValue): boolean {
  const empty = (v: JsonValue): boolean => v === null || v === "" || v === "." || v === ".." || (Array.isArray(v) ? v.length === 0 : typeof v === "object" && v !== null && Object.keys(v).length === 0);
  return typeof values === "object" && values !== null && !Array.isArray(values) && Object.values(values).every((v) => !empty(v));
}

/**
 * A query, header or cookie location's values as the client sends them: null, an empty array and an
 * object without a defined member are "undefined" in RFC 6570 (runtime params.ts), so the parameter is
 * left out, and so is an object's null member. A required parameter whose schema allows null
 * (FastAPI's `Optional[UUID]`, llamaindex's `project_id`) must not be drawn as null: the server
 * would find it missing.
 */
function asSent(values: JsonValue): JsonValue {
  if (typeof values !== "object" || values === null || Array.isArray(values)) return values;
  const defined = (v: JsonValue): JsonValue | undefined => {
    if (v === null || (Array.isArray(v) && v.length === 0)) return undefined;
    if (typeof v !== "object" || Array.isArray(v)) return v;
    const members = Object.entries(v).filter((entry) => entry[1] !== null);
    return members.length === 0 ? undefined : Object.fromEntries(members);
  };
  const sent: Record<string, JsonValue> = {};
  for (const [name, value] of Object.entries(values)) {
    const kept = defined(value);
    if (kept !== undefined) setOwn(sent, name, kept);
  }
  return sent;
}

class TooDeep extends Error {}

/** Every keyword of a conjunction of schemas (a node, its `$ref` target, its allOf), merged. */
interface Merged {
  types?: JsonType[];
  const?: { value: JsonValue };
  enums: JsonValue[][];
  minLength: number;
  maxLength?: number;
  patterns: string[];
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  prefixItems?: IrSchema[];
  items: IrSchema[];
  contains?: IrSchema;
  minContains: number;
  minItems: number;
  maxItems?: number;
  uniqueItems: boolean;
  properties: Map<string, IrSchema[]>;
  required: Set<string>;
  additional: IrSchema[];
  dependentRequired: { name: string; required: string[] }[];
  minProperties: number;
  maxProperties?: number;
  /** anyOf and oneOf lists: one branch of each is taken. */
  choices: IrSchema[][];
  /** The oneOf lists among `choices` (and discriminated ones): the branches not taken are rivals. */
  exclusive: Set<IrSchema[]>;
}

/** Whether some number (an integer when `integer`) lies within `m`'s bounds, exclusive ones left out. */
function hasRoom(m: Merged, integer: boolean): boolean {
  const low = Math.max(m.minimum ?? -Infinity, m.exclusiveMinimum ?? -Infinity);
  const high = Math.min(m.maximum ?? Infinity, m.exclusiveMaximum ?? Infinity);
  const lowOpen = m.exclusiveMinimum !== undefined && m.exclusiveMinimum >= (m.minimum ?? -Infinity);
  const highOpen = m.exclusiveMaximum !== undefined && m.exclusiveMaximum <= (m.maximum ?? Infinity);
  if (!integer) return low < high || (low === high && !lowOpen && !highOpen);
  const first = lowOpen ? Math.floor(low) + 1 : Math.ceil(low);
  const last = highOpen ? Math.ceil(high) - 1 : Math.floor(high);
  return first <= last;
}

/** The branch of a discriminator for `tag`: its type, with the tag property set to the tag. */
function taggedBranch(schemaPath: string, propertyName: string, tag: string | number | boolean, type: string): IrNode {
  const at = `${schemaPath}/discriminator/mapping/${tag}`;
  return { schemaPath: at, annotations: {}, allOf: [{ schemaPath: at, annotations: {}, ref: type }], properties: [{ name: propertyName, schema: { schemaPath: at, annotations: {}, const: { value: tag } } }], required: [propertyName] };
}

class Synthesizer {
  constructor(
    private readonly model: IrModel,
    private readonly random: () => number,
    private readonly maxDepth: number,
    /** Whether to break the rivals of the oneOf branches taken (RIVAL_ATTEMPTS). */
    private readonly breakRivals = false,
  ) {}

  /** `rivals`: schemas the value should not match (the branches of a oneOf not taken, or their parts here), when breakRivals. */
  value(schema: IrSchema, depth: number, rivals: IrSchema[] = []): JsonValue {
    if (depth > HARD_DEPTH) throw new TooDeep();
    const merged = this.merge([schema], depth);
    const against = [...rivals];
    // One branch of each anyOf/oneOf, merged in; a branch may bring choices of its own.
    for (let round = 0; merged.choices.length > 0 && round < 8; round++) {
      const choices = merged.choices.splice(0);
      for (const options of choices) {
        const chosen = this.choose(options, depth);
        if (this.breakRivals && merged.exclusive.has(options)) against.push(...options.filter((o) => o !== chosen));
        this.mergeInto(merged, [chosen], depth);
      }
    }
    if (merged.const) return merged.const.value;
    if (merged.enums.length > 0) {
      const allowed = merged.enums.reduce((a, b) => a.filter((v) => b.some((w) => JSON.stringify(w) === JSON.stringify(v))));
      const typed = allowed.filter((v) => merged.types === undefined || merged.types.includes(jsonTypeOf(v)) || (merged.types.includes("number") && jsonTypeOf(v) === "integer"));
      const pool = typed.length > 0 ? typed : allowed;
      if (pool.length > 0) return pool[this.int(0, pool.length - 1)]!;
    }
    switch (this.pickType(merged)) {
      case "null":
        return null;
      case "boolean":
        return this.random() < 0.5;
      case "integer":
        return this.number(this.outsideRivals(merged, this.rivalsOf(against, "integer", depth), true), true);
      case "number":
        return this.number(this.outsideRivals(merged, this.rivalsOf(against, "number", depth), false), false);
      case "string":
        return this.string(merged);
      case "array":
        return this.array(merged, depth, this.rivalsOf(against, "array", depth));
      case "object":
        return this.object(merged, depth, this.rivalsOf(against, "object", depth));
    }
  }

  private merge(schemas: IrSchema[], depth: number): Merged {
    const merged: Merged = { enums: [], minLength: 0, patterns: [], items: [], minContains: 1, minItems: 0, uniqueItems: false, properties: new Map(), required: new Set(), additional: [], dependentRequired: [], minProperties: 0, choices: [], exclusive: new Set() };
    this.mergeInto(merged, schemas, depth);
    return merged;
  }

  private mergeInto(m: Merged, schemas: IrSchema[], depth: number, seen = new Set<string>()): void {
    for (const schema of schemas) {
      // `true` adds nothing; `false` has no value, which the guard reports.
      if (typeof schema === "boolean") continue;
      if (schema.ref !== undefined && !seen.has(schema.ref)) {
        seen.add(schema.ref);
        this.mergeInto(m, [findType(this.model, schema.ref).schema], depth, seen);
      }
      if (schema.dynamicRef !== undefined && !seen.has(schema.dynamicRef.ref)) {
        seen.add(schema.dynamicRef.ref);
        this.mergeInto(m, [findType(this.model, schema.dynamicRef.ref).schema], depth, seen);
      }
      if (schema.allOf) this.mergeInto(m, schema.allOf, depth, seen);
      // A discriminated oneOf/anyOf: a branch the tag picks, with that tag (a branch need not fix its own).
      const tagged = schema.discriminator;
      if (tagged) m.choices.push(tagged.branches.map((b) => taggedBranch(schema.schemaPath, tagged.propertyName, b.tag, b.type)));
      if (schema.anyOf && tagged?.keyword !== "anyOf") m.choices.push(schema.anyOf);
      if (schema.oneOf && tagged?.keyword !== "oneOf") {
        m.choices.push(schema.oneOf);
        m.exclusive.add(schema.oneOf);
      }
      this.mergeNode(m, schema);
    }
  }

  private mergeNode(m: Merged, n: IrNode): void {
    if (n.type) m.types = m.types === undefined ? [...n.type] : intersectTypes(m.types, n.type);
    if (n.const && !m.const) m.const = n.const;
    if (n.enum) m.enums.push(n.enum);
    if (n.minLength !== undefined) m.minLength = Math.max(m.minLength, n.minLength);
    if (n.maxLength !== undefined) m.maxLength = Math.min(m.maxLength ?? Infinity, n.maxLength);
    if (n.pattern !== undefined) m.patterns.push(n.pattern);
    if (n.format !== undefined) m.format ??= n.format;
    if (n.minimum !== undefined) m.minimum = Math.max(m.minimum ?? -Infinity, n.minimum);
    if (n.maximum !== undefined) m.maximum = Math.min(m.maximum ?? Infinity, n.maximum);
    if (n.exclusiveMinimum !== undefined) m.exclusiveMinimum = Math.max(m.exclusiveMinimum ?? -Infinity, n.exclusiveMinimum);
    if (n.exclusiveMaximum !== undefined) m.exclusiveMaximum = Math.min(m.exclusiveMaximum ?? Infinity, n.exclusiveMaximum);
    if (n.multipleOf !== undefined) m.multipleOf ??= n.multipleOf;
    if (n.prefixItems) m.prefixItems ??= n.prefixItems;
    if (n.items !== undefined) m.items.push(n.items);
    if (n.contains !== undefined) m.contains ??= n.contains;
    if (n.minContains !== undefined) m.minContains = Math.max(m.minContains, n.minContains);
    if (n.minItems !== undefined) m.minItems = Math.max(m.minItems, n.minItems);
    if (n.maxItems !== undefined) m.maxItems = Math.min(m.maxItems ?? Infinity, n.maxItems);
    if (n.uniqueItems) m.uniqueItems = true;
    for (const p of n.properties ?? []) m.properties.set(p.name, [...(m.properties.get(p.name) ?? []), p.schema]);
    for (const r of n.required ?? []) m.required.add(r);
    if (n.additionalProperties !== undefined) m.additional.push(n.additionalProperties);
    if (n.unevaluatedProperties === false) m.additional.push(false);
    if (n.dependentRequired) m.dependentRequired.push(...n.dependentRequired);
    if (n.minProperties !== undefined) m.minProperties = Math.max(m.minProperties, n.minProperties);
    if (n.maxProperties !== undefined) m.maxProperties = Math.min(m.maxProperties ?? Infinity, n.maxProperties);
  }

  /** A branch: any at random while shallow; past maxDepth the one that asks least (no object or array), so recursion ends. */
  private choose(options: IrSchema[], depth: number): IrSchema {
    if (depth < this.maxDepth) return options[this.int(0, options.length - 1)]!;
    const cost = (schema: IrSchema): number => {
      const m = this.merge([schema], depth);
      const types = m.types ?? [];
      if (m.const || m.enums.length > 0) return 0;
      if (types.some((t) => t === "null" || t === "boolean" || t === "string" || t === "number" || t === "integer")) return 1;
      return 2 + m.required.size + m.minItems + m.choices.length;
    };
    return [...options].sort((a, b) => cost(a) - cost(b))[0]!;
  }

  private pickType(m: Merged): JsonType {
    let types = m.types;
    if (types === undefined) {
      if (m.properties.size > 0 || m.required.size > 0 || m.additional.length > 0) return "object";
      if (m.items.length > 0 || m.prefixItems || m.contains !== undefined) return "array";
      if (m.patterns.length > 0 || m.format !== undefined || m.minLength > 0 || m.maxLength !== undefined) return "string";
      if (m.minimum !== undefined || m.maximum !== undefined || m.multipleOf !== undefined) return "number";
      return "string";
    }
    if (types.length === 0) return "null";
    const concrete = types.filter((t) => t !== "null");
    types = concrete.length > 0 ? concrete : types;
    return types[this.int(0, types.length - 1)]!;
  }

  private number(m: Merged, integer: boolean): number {
    const step = m.multipleOf ?? (integer ? 1 : undefined);
    let low = Math.max(m.minimum ?? -Infinity, m.exclusiveMinimum ?? -Infinity);
    let high = Math.min(m.maximum ?? Infinity, m.exclusiveMaximum ?? Infinity);
    if (low === -Infinity && high === Infinity) [low, high] = [0, 100];
    else if (low === -Infinity) low = high - 100;
    else if (high === Infinity) high = low + 100;
    if (step !== undefined) {
      // Multiples of the step inside the bounds, an exclusive bound itself left out.
      let first = Math.ceil(low / step);
      let last = Math.floor(high / step);
      if (m.exclusiveMinimum !== undefined && first * step <= m.exclusiveMinimum) first++;
      if (m.exclusiveMaximum !== undefined && last * step >= m.exclusiveMaximum) last--;
      const k = last >= first ? this.int(first, Math.min(last, first + 100)) : first;
      // 0.1 * 3 is 0.30000000000000004: round to the step's decimals.
      const decimals = (String(step).split(".")[1] ?? "").length;
      return decimals > 0 ? Number((k * step).toFixed(decimals)) : k * step;
    }
    const value = Math.round((low + this.random() * (high - low)) * 100) / 100;
    const open = (m.exclusiveMinimum !== undefined && value <= m.exclusiveMinimum) || (m.exclusiveMaximum !== undefined && value >= m.exclusiveMaximum) || value < low || value > high;
    return open ? (low + high) / 2 : value;
  }

  private string(m: Merged): string {
    let text: string | undefined;
    if (m.format !== undefined) {
      text = formatSample(m.format, this.random);
      // A sample whose length misses minLength/maxLength (unicourt.com: date-times of exactly 25
      // characters): the same instant written at another length, if the format has one.
      if (text !== undefined && !this.fitsPatterns(m, text)) text = formatLengthVariants(m.format, text).find((variant) => this.fitsPatterns(m, variant)) ?? text;
    }
    // A format's sample that misses the schema's pattern or lengths (voice-id's FraudsterId: format
    // "password", `^id#[a-zA-Z0-9]{22}$`, 25 characters) gives way to the pattern's sample.
    if (text !== undefined && m.patterns.length > 0 && !this.fitsPatterns(m, text)) text = this.patterned(m) ?? text;
    if (text === undefined && m.patterns.length > 0) text = this.patterned(m);
    if (text === undefined) {
      const words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"];
      text = words[this.int(0, words.length - 1)]!;
      const padded = text.length < m.minLength ? text + "x".repeat(m.minLength - text.length) : text;
      return m.maxLength !== undefined && [...padded].length > m.maxLength ? [...padded].slice(0, m.maxLength).join("") : padded;
    }
    return text;
  }

  /**
   * A sample of the first pattern that also meets minLength/maxLength (and the other patterns), when
   * one is found: the plain sample if it fits (what the synthesizer always gave), else a sample aimed
   * at a length in range (`^[a-f0-9]+$` with minLength 40), else, for a pattern that is not anchored,
   * the sample repeated up to minLength (a repetition of a matching string still contains a match) or
   * cut to maxLength (kept when a match survives). Each candidate is checked with the patterns' own
   * RegExps and the lengths; when none passes, the plain sample, and the guard decides. Positive
   * lookaheads are read as nothing first, then, when that misses, as their text.
   */
  private patterned(m: Merged): string | undefined {
    const source = compiledRegex(m.patterns[0]!)?.source ?? m.patterns[0]!;
    const first = this.patternedAs(m, source, "nothing");
    // A positive lookahead read as nothing, missed: read as its text (fsx's ARNs, password rules: pattern-sample.ts).
    if (first !== undefined && this.fitsPatterns(m, first)) return first;
    if (!source.includes("(?=")) return first;
    // A few tries: fsx's ARN has a lookahead's text taken in by segments that must start with [a-z0-9], one sample in three.
    for (let i = 0; i < 4; i++) {
      const text = this.patternedAs(m, source, "text");
      if (text === undefined) break;
      if (this.fitsPatterns(m, text)) return text;
    }
    return first;
  }

  private patternedAs(m: Merged, source: string, lookaheads: "nothing" | "text"): string | undefined {
    const plain = samplePattern(source, this.random, undefined, { lookaheads });
    if (plain === undefined) return undefined;
    const min = m.minLength;
    const max = m.maxLength;
    const points = [...plain];
    if (points.length >= min && (max === undefined || points.length <= max)) return plain;
    const fits = (text: string | undefined): text is string => text !== undefined && this.fitsPatterns(m, text);
    const aimed = samplePattern(source, this.random, { min, max }, { lookaheads });
    if (fits(aimed)) return aimed;
    if (points.length > 0 && points.length < min) {
      const repeated = [...plain.repeat(Math.ceil(min / points.length))];
      // The copies first or last: a pattern anchored at one end keeps a match at that end.
      for (const candidate of [repeated.slice(0, min).join(""), repeated.slice(repeated.length - min).join("")]) if (fits(candidate)) return candidate;
    }
    if (max !== undefined && points.length > max) {
      for (const candidate of [points.slice(0, max).join(""), points.slice(points.length - max).join("")]) if (fits(candidate)) return candidate;
    }
    return plain;
  }

  /** Whether `text` matches every pattern (those the RegExp engine takes) and the length bounds. */
  private fitsPatterns(m: Merged, text: string): boolean {
    const length = [...text].length;
    if (length < m.minLength || (m.maxLength !== undefined && length > m.maxLength)) return false;
    return m.patterns.every((pattern) => patternMatches(pattern, text) ?? true);
  }

  private array(m: Merged, depth: number, rivals: Merged[] = []): JsonValue[] {
    const prefix = m.prefixItems ?? [];
    const itemsForbidden = m.items.includes(false);
    const shallow = depth < this.maxDepth;
    // Rival arrays are broken in the first item, against their items.
    const itemRivals = rivals.filter((r) => r.items.length > 0).map((r): IrSchema => ({ schemaPath: "", allOf: r.items, annotations: {} }));
    let length = Math.max(m.minItems, m.contains !== undefined ? m.minContains : 0, shallow || itemRivals.length > 0 ? this.int(1, 2) : 0);
    if (m.maxItems !== undefined) length = Math.min(length, m.maxItems);
    if (itemsForbidden) length = Math.min(length, prefix.length);
    const items: JsonValue[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < length; i++) {
      const schema: IrSchema =
        m.contains !== undefined && i < m.minContains ? m.contains : i < prefix.length ? prefix[i]! : { schemaPath: "", allOf: m.items.length > 0 ? m.items : [true], annotations: {} };
      let item = this.value(schema, depth + 1, i === 0 ? itemRivals : []);
      for (let retry = 0; m.uniqueItems && seen.has(JSON.stringify(item)) && retry < 8; retry++) item = this.value(schema, depth + 1);
      if (m.uniqueItems && seen.has(JSON.stringify(item))) {
        if (items.length >= m.minItems) break;
      }
      seen.add(JSON.stringify(item));
      items.push(item);
    }
    return items;
  }

  private object(m: Merged, depth: number, rivals: Merged[] = []): Record<string, JsonValue> {
    const shallow = depth < this.maxDepth;
    const keys = new Set(m.required);
    for (const name of m.properties.keys()) if (shallow && this.random() < 0.5) keys.add(name);
    const broken = this.breakObjectRivals(m, rivals, keys, shallow);
    for (let changed = true; changed; ) {
      changed = false;
      for (const { name, required } of m.dependentRequired) {
        if (!keys.has(name)) continue;
        for (const r of required) if (!keys.has(r)) (keys.add(r), (changed = true));
      }
    }
    const closed = m.additional.includes(false);
    for (const name of m.properties.keys()) if (keys.size < m.minProperties) keys.add(name);
    for (let i = 1; keys.size < m.minProperties && !closed; i++) keys.add(`property${i}`);
    const object: Record<string, JsonValue> = {};
    for (const key of [...keys].slice(0, m.maxProperties ?? Infinity)) {
      const schemas = m.properties.get(key) ?? (m.additional.length > 0 ? m.additional : [true]);
      setOwn(object, key, hasOwn(broken.values, key) ? broken.values[key]! : this.value({ schemaPath: "", allOf: schemas, annotations: {} }, depth + 1, broken.nested.get(key) ?? []));
    }
    return object;
  }

  /** The rivals (merged) of a value of `type`: a rival of another type is broken already (an integer is a number too). */
  private rivalsOf(rivals: IrSchema[], type: "object" | "array" | "integer" | "number", depth: number): Merged[] {
    if (!this.breakRivals) return [];
    return rivals.map((r) => this.merge([r], depth)).filter((r) => r.types === undefined || r.types.includes(type) || (type === "integer" && r.types.includes("number")));
  }

  /**
   * `m`'s bounds narrowed to leave each rival number's range: below its minimum or above its maximum
   * (one of the two at random when it has both). A oneOf of ranges that overlap (openapi-to-graphql's
   * `oneOf: [{minimum: -90}, {maximum: 90}]` on an integer) has values only outside the overlap, which
   * a value drawn inside one branch's bounds never reached. A rival without bounds, or whose range
   * cannot be left inside `m`'s, is passed over (the guard decides).
   */
  private outsideRivals(m: Merged, rivals: Merged[], integer: boolean): Merged {
    let narrowed = m;
    for (const rival of rivals) {
      const options: Merged[] = [];
      // Below the rival: at most its exclusiveMinimum, or under its minimum (whichever binds).
      if (rival.exclusiveMinimum !== undefined && rival.exclusiveMinimum >= (rival.minimum ?? -Infinity)) options.push({ ...narrowed, maximum: Math.min(narrowed.maximum ?? Infinity, rival.exclusiveMinimum) });
      else if (rival.minimum !== undefined) options.push({ ...narrowed, exclusiveMaximum: Math.min(narrowed.exclusiveMaximum ?? Infinity, rival.minimum) });
      // Above the rival: at least its exclusiveMaximum, or over its maximum.
      if (rival.exclusiveMaximum !== undefined && rival.exclusiveMaximum <= (rival.maximum ?? Infinity)) options.push({ ...narrowed, minimum: Math.max(narrowed.minimum ?? -Infinity, rival.exclusiveMaximum) });
      else if (rival.maximum !== undefined) options.push({ ...narrowed, exclusiveMinimum: Math.max(narrowed.exclusiveMinimum ?? -Infinity, rival.maximum) });
      const roomy = options.filter((o) => hasRoom(o, integer));
      if (roomy.length > 0) narrowed = roomy[this.int(0, roomy.length - 1)]!;
    }
    return narrowed;
  }


  /**
   * Breaks each rival object in `keys` (changed in place): a property the rival requires and `m` does
   * not is left out; else a property the rival types and `m` does not declare (`m` open) gets a value
   * of another type; else, while shallow, the properties both declare carry the rival's schemas down
   * (`nested`), each one made (a rival may differ only deeper down).
   */
  private breakObjectRivals(m: Merged, rivals: Merged[], keys: Set<string>, shallow: boolean): { values: Record<string, JsonValue>; nested: Map<string, IrSchema[]> } {
    const values: Record<string, JsonValue> = {};
    const nested = new Map<string, IrSchema[]>();
    const open = m.additional.length === 0;
    for (const rival of rivals) {
      const missing = [...rival.required].find((name) => !m.required.has(name));
      if (missing !== undefined) {
        keys.delete(missing);
        continue;
      }
      const typed = open ? [...rival.properties].find(([name, schemas]) => !m.properties.has(name) && this.merge(schemas, 0).types !== undefined) : undefined;
      if (typed) {
        keys.add(typed[0]);
        setOwn(values, typed[0], otherTypeValue(this.merge(typed[1], 0).types!));
        continue;
      }
      for (const [name, schemas] of rival.properties) {
        if (!shallow || !m.properties.has(name)) continue;
        keys.add(name);
        nested.set(name, [...(nested.get(name) ?? []), { schemaPath: "", allOf: schemas, annotations: {} }]);
      }
    }
    return { values, nested };
  }

  /** An integer in [low, high]. */
  private int(low: number, high: number): number {
    return low + Math.floor(this.random() * (high - low + 1));
  }
}

/** A value of none of `types` (integer is a number). */
function otherTypeValue(types: readonly JsonType[]): JsonValue {
  const candidates: JsonValue[] = ["x", 0, 0.5, true, null, [], {}];
  return candidates.find((c) => !types.includes(jsonTypeOf(c)) && !(jsonTypeOf(c) === "integer" && types.includes("number"))) ?? null;
}

function intersectTypes(a: readonly JsonType[], b: readonly JsonType[]): JsonType[] {
  const out = new Set<JsonType>();
  for (const t of a) {
    if (b.includes(t)) out.add(t);
    else if (t === "integer" && b.includes("number")) out.add("integer");
    else if (t === "number" && b.includes("integer")) out.add("integer");
  }
  return [...out];
}

/**
 * A date-time's or time's sample written at other lengths, the same instant each: 0 to 9 fraction
 * digits, then "Z" or "+00:00" (20 to 35 characters for a date-time). Other formats have none.
 */
export function formatLengthVariants(format: string, sample: string): string[] {
  if ((format !== "date-time" && format !== "time") || !sample.endsWith("Z")) return [];
  const base = sample.slice(0, -1);
  const fractions = ["", ...Array.from({ length: 9 }, (_, i) => "." + "123456789".slice(0, i + 1))];
  return ["Z", "+00:00"].flatMap((zone) => fractions.map((fraction) => base + fraction + zone));
}

/** A valid string for a format; undefined for one it does not know (then the pattern or a word). */
export function formatSample(format: string, random: () => number): string | undefined {
  const int = (low: number, high: number): number => low + Math.floor(random() * (high - low + 1));
  const two = (n: number): string => String(n).padStart(2, "0");
  const hex = (length: number): string => Array.from({ length }, () => "0123456789abcdef"[int(0, 15)]).join("");
  const date = `20${two(int(20, 29))}-${two(int(1, 12))}-${two(int(1, 28))}`;
  const time = `${two(int(0, 23))}:${two(int(0, 59))}:${two(int(0, 59))}`;
  const word = ["alpha", "bravo", "charlie", "delta"][int(0, 3)]!;
  switch (format) {
    case "date-time":
      return `${date}T${time}Z`;
    case "date":
      return date;
    case "time":
      return `${time}Z`;
    case "duration":
      return `P${int(1, 9)}DT${int(1, 23)}H`;
    case "email":
    case "idn-email":
      return `${word}${int(1, 99)}@example.com`;
    case "hostname":
    case "idn-hostname":
      return `${word}${int(1, 99)}.example.com`;
    case "ipv4":
      return `192.0.2.${int(1, 254)}`;
    case "ipv6":
      return `2001:db8::${hex(4)}`;
    case "uri":
    case "iri":
    case "url":
      return `https://example.com/${word}/${int(1, 999)}`;
    case "uri-reference":
    case "iri-reference":
      return `/${word}/${int(1, 999)}`;
    case "uri-template":
      return `https://example.com/${word}/{id}`;
    case "uuid":
      return `${hex(8)}-${hex(4)}-4${hex(3)}-${"89ab"[int(0, 3)]}${hex(3)}-${hex(12)}`;
    case "json-pointer":
      return `/${word}/${int(0, 9)}`;
    case "relative-json-pointer":
      return `${int(0, 3)}/${word}`;
    case "regex":
      return `^${word}[0-9]+$`;
    case "byte":
      return Buffer.from(`${word}${int(0, 99)}`).toString("base64");
    case "password":
      return `${word}-${hex(8)}`;
    default:
      return undefined;
  }
}
