import { FakeCollection, FakeObject, makeBag, type FakeContext, type Source } from "./excel-fake-client";
import { FakeExcelError, intersects, type ConditionalFormatModel } from "./excel-fake-model";
import type { RangeModel } from "./excel-fake-range";

/** Data validation and conditional formats on a range. */
export class FakeDataValidation extends FakeObject<RangeModel> {
  constructor(ctx: FakeContext, range: () => RangeModel) {
    super(ctx, "DataValidation", { lazy: range });
  }
  protected scalarProps(): string[] {
    return [];
  }
  protected readProp(name: string): unknown {
    throw new TypeError(`fake: DataValidation.${name} is not modelled`);
  }
  set rule(rule: Record<string, unknown>) {
    const kinds = ["list", "wholeNumber", "decimal", "date", "time", "textLength", "custom"];
    const keys = Object.keys(rule);
    if (keys.length !== 1 || !kinds.includes(keys[0])) {
      throw new FakeExcelError("InvalidArgument", `A validation rule needs exactly one of ${kinds.join(", ")}.`);
    }
    const list = rule.list as { source?: unknown; inCellDropDown?: unknown } | undefined;
    if (list) {
      if (typeof list.source !== "string") throw new FakeExcelError("InvalidArgument", "A list rule needs a source.");
      if (!list.source.startsWith("=") && list.source.length > 255) {
        throw new FakeExcelError("InvalidArgument", "A literal list source is limited to 255 characters.");
      }
    }
    this.queueSet("rule", rule, (m) => {
      const partial = m.sheet.validations.some(
        (v) => intersects(v.rect, m.rect) && !(v.rect.top >= m.rect.top && v.rect.bottom <= m.rect.bottom),
      );
      if (partial) throw new TypeError("fake: a rule over part of another rule is not modelled");
      m.sheet.validations = m.sheet.validations.filter((v) => !intersects(v.rect, m.rect));
      m.sheet.validations.push({ rect: { ...m.rect }, rule: JSON.parse(JSON.stringify(rule)) });
    });
  }
  clear(): void {
    this.queueCall("clear", [], (m) => {
      m.sheet.validations = m.sheet.validations.filter((v) => !intersects(v.rect, m.rect));
    });
  }
}

const CF_PATHS: Record<string, Record<string, "prop">> = {
  CellValue: {
    "cellValue.rule": "prop",
    "cellValue.format.fill.color": "prop",
    "cellValue.format.font.color": "prop",
    "cellValue.format.font.bold": "prop",
  },
  ContainsText: {
    "textComparison.rule": "prop",
    "textComparison.format.fill.color": "prop",
    "textComparison.format.font.color": "prop",
  },
  ColorScale: { "colorScale.criteria": "prop" },
};
const OPERATORS = [
  "Between",
  "NotBetween",
  "EqualTo",
  "NotEqualTo",
  "GreaterThan",
  "LessThan",
  "GreaterThanOrEqual",
  "LessThanOrEqual",
];

function checkCfValue(path: string, value: unknown): void {
  const v = value as Record<string, unknown>;
  if (path === "cellValue.rule") {
    if (typeof v.formula1 !== "string" || !OPERATORS.includes(String(v.operator))) {
      throw new FakeExcelError("InvalidArgument", `Bad cell-value rule ${JSON.stringify(value)}.`);
    }
    if (/Between/.test(String(v.operator)) && typeof v.formula2 !== "string") {
      throw new FakeExcelError("InvalidArgument", "A between rule needs formula2.");
    }
  }
  if (path === "colorScale.criteria") {
    const ok = ["minimum", "maximum"].every((k) => {
      const c = v[k] as Record<string, unknown> | undefined;
      return c && typeof c.type === "string" && typeof c.color === "string";
    });
    if (!ok)
      throw new FakeExcelError("InvalidArgument", "A colour scale needs minimum and maximum with type and color.");
  }
}

export class FakeConditionalFormat extends FakeObject<ConditionalFormatModel> {
  constructor(
    ctx: FakeContext,
    source: Source<ConditionalFormatModel>,
    private readonly type: string,
  ) {
    super(ctx, "ConditionalFormat", source);
  }
  protected scalarProps(): string[] {
    return ["type"];
  }
  protected readProp(name: string, m: ConditionalFormatModel): unknown {
    if (name === "type") return m.type;
    throw new TypeError(`fake: ConditionalFormat.${name} is not modelled`);
  }
  private bag(root: string): Record<string, unknown> {
    const allowed = CF_PATHS[this.type] ?? {};
    if (!Object.keys(allowed).some((k) => k.startsWith(`${root}.`))) {
      throw new FakeExcelError("InvalidOperation", `A ${this.type} conditional format has no ${root}.`);
    }
    const bag = makeBag(this.ctx, "ConditionalFormat", allowed, (path, value) => {
      checkCfValue(path, value);
      this.model().props[path] = JSON.parse(JSON.stringify(value));
    });
    return bag[root] as Record<string, unknown>;
  }
  get cellValue(): Record<string, unknown> {
    return this.bag("cellValue");
  }
  get textComparison(): Record<string, unknown> {
    return this.bag("textComparison");
  }
  get colorScale(): Record<string, unknown> {
    return this.bag("colorScale");
  }
}

export class FakeConditionalFormatCollection extends FakeCollection<RangeModel, FakeConditionalFormat> {
  constructor(ctx: FakeContext, range: () => RangeModel) {
    super(ctx, "ConditionalFormatCollection", { lazy: range });
  }
  protected readProp(name: string, m: RangeModel): unknown {
    if (name !== "items") throw new TypeError(`fake: ConditionalFormatCollection.${name} is not modelled`);
    return m.sheet.conditionalFormats
      .filter((cf) => intersects(cf.rect, m.rect))
      .map((cf) => new FakeConditionalFormat(this.ctx, { now: cf }, cf.type));
  }
  add(type: string): FakeConditionalFormat {
    if (!(type in CF_PATHS)) throw new TypeError(`fake: conditional format type ${type} is not modelled`);
    return new FakeConditionalFormat(
      this.ctx,
      {
        queued: "conditionalFormats.add",
        payload: [type],
        find: () => {
          const m = this.model();
          const cf: ConditionalFormatModel = { type, rect: { ...m.rect }, props: {} };
          m.sheet.conditionalFormats.push(cf);
          return cf;
        },
      },
      type,
    );
  }
  clearAll(): void {
    this.queueCall("clearAll", [], (m) => {
      m.sheet.conditionalFormats = m.sheet.conditionalFormats.filter((cf) => !intersects(cf.rect, m.rect));
    });
  }
}
