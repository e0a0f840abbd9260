import { isIdentifier, NameAllocator, toTypeName, toValueName } from "../../generator/ir/naming";

describe("toTypeName", () => {
  test.each<[string, string]>([
    ["TrackEvent", "TrackEvent"],
    ["koala-profile-batch-request", "KoalaProfileBatchRequest"],
    ["page_view", "PageView"],
    ["3d model", "_3dModel"],
    ["string", "String_"],
    ["Object", "Object_"],
    ["", "Type"],
    ["!!!", "Type"],
    ["café crème", "CaféCrème"],
    ["__proto__", "Proto"],
    ["constructor", "Constructor"],
  ])("%j → %j", (raw, want) => {
    expect(toTypeName(raw)).toBe(want);
    expect(isIdentifier(toTypeName(raw))).toBe(true);
  });
});

describe("toValueName", () => {
  test.each<[string, string]>([
    ["page_views", "pageViews"],
    ["delete", "delete_"],
    ["9lives", "_9lives"],
  ])("%j → %j", (raw, want) => expect(toValueName(raw)).toBe(want));
});

describe("NameAllocator", () => {
  test("first comer keeps the name, later ones get a deterministic suffix and a warning", () => {
    const names = new NameAllocator();
    expect(names.allocate("page-view", "#/$defs/page-view")).toBe("PageView");
    expect(names.allocate("page_view", "#/$defs/page_view")).toBe("PageView2");
    expect(names.allocate("PageView", "#/$defs/PageView")).toBe("PageView3");
    expect(names.warnings).toEqual([
      'name collision: #/$defs/page_view wanted "PageView", taken by #/$defs/page-view; using "PageView2"',
      'name collision: #/$defs/PageView wanted "PageView", taken by #/$defs/page-view; using "PageView3"',
    ]);
  });

  test("reserved names are never handed out, case-insensitively", () => {
    const names = new NameAllocator(["ValidationError"]);
    expect(names.allocate("validation error", "#")).toBe("ValidationError2");
  });
});
