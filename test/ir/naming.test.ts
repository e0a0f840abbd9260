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

  test("a name that ends in a digit takes the suffix after an underscore: GetItemResponse200_2, not GetItemResponse2002", () => {
    const names = new NameAllocator();
    expect(names.allocate("GetItemResponse200", "#/components/schemas/GetItemResponse200")).toBe("GetItemResponse200");
    expect(names.allocate("GetItemResponse200", "#/paths/~1items/get/responses/200")).toBe("GetItemResponse200_2");
    expect(names.allocate("getItemResponse200", "#/paths/~1items~1{id}/get/responses/200")).toBe("GetItemResponse200_3");
    // toTypeName never writes "_<digits>" after a digit ("Page2_2" → "Page22"), so no schema's own name takes the suffixed one.
    expect(names.allocate("Page2", "#/$defs/Page2")).toBe("Page2");
    expect(names.allocate("Page2_2", "#/$defs/Page2_2")).toBe("Page22");
    expect(names.allocate("page2", "#/$defs/page2")).toBe("Page2_2");
  });

  test("reserved names are never handed out, case-insensitively", () => {
    const names = new NameAllocator(["ValidationError"]);
    expect(names.allocate("validation error", "#")).toBe("ValidationError2");
  });
});
