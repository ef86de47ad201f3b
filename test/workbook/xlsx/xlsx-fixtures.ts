import ExcelJS from "exceljs";
import JSZip from "jszip";

/**
 * Builds real .xlsx files for the tests: exceljs for the cells, then jszip to add the parts exceljs
 * cannot write (chart sheets, pivot tables, a data model), shaped as Excel writes them.
 */

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

export async function buildXlsx(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}

export async function loadWithExcelJs(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
  return wb;
}

async function edit(bytes: Uint8Array, change: (zip: JSZip) => Promise<void>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  await change(zip);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

async function text(zip: JSZip, path: string): Promise<string> {
  const f = zip.file(path);
  if (!f) throw new Error(`fixture: missing ${path}`);
  return f.async("string");
}

function nextRelId(relsXml: string): string {
  const ids = [...relsXml.matchAll(/Id="rId(\d+)"/g)].map((m) => Number(m[1]));
  return `rId${Math.max(0, ...ids) + 1}`;
}

async function addWorkbookRel(zip: JSZip, type: string, target: string): Promise<string> {
  const path = "xl/_rels/workbook.xml.rels";
  const rels = await text(zip, path);
  const id = nextRelId(rels);
  zip.file(
    path,
    rels.replace("</Relationships>", `<Relationship Id="${id}" Type="${type}" Target="${target}"/></Relationships>`),
  );
  return id;
}

async function addOverride(zip: JSZip, partName: string, contentType: string): Promise<void> {
  const ct = await text(zip, "[Content_Types].xml");
  zip.file(
    "[Content_Types].xml",
    ct.replace("</Types>", `<Override PartName="${partName}" ContentType="${contentType}"/></Types>`),
  );
}

/** Adds a chart sheet (a sheet that holds only a chart) after the existing sheets. */
export async function withChartSheet(bytes: Uint8Array, name: string): Promise<Uint8Array> {
  return edit(bytes, async (zip) => {
    zip.file(
      "xl/chartsheets/sheet1.xml",
      `${HEAD}<chartsheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetPr/><sheetViews><sheetView workbookViewId="0" zoomToFit="1"/></sheetViews><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></chartsheet>`,
    );
    await addOverride(
      zip,
      "/xl/chartsheets/sheet1.xml",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml",
    );
    const id = await addWorkbookRel(zip, `${REL}/chartsheet`, "chartsheets/sheet1.xml");
    const wb = await text(zip, "xl/workbook.xml");
    zip.file("xl/workbook.xml", wb.replace("</sheets>", `<sheet name="${name}" sheetId="99" r:id="${id}"/></sheets>`));
  });
}

/**
 * Adds a pivot table (with its cache definition and records) on the worksheet part `sheetPath`,
 * located at `ref`, summarising `sourceRef` on `sourceSheet`; plus a workbook data model part.
 */
export async function withPivotAndDataModel(
  bytes: Uint8Array,
  sheetPath: string,
  ref: string,
  sourceSheet: string,
  sourceRef: string,
): Promise<Uint8Array> {
  return edit(bytes, async (zip) => {
    zip.file(
      "xl/pivotCache/pivotCacheDefinition1.xml",
      `${HEAD}<pivotCacheDefinition xmlns="${MAIN}" xmlns:r="${REL}" r:id="rId1" refreshOnLoad="1" recordCount="3"><cacheSource type="worksheet"><worksheetSource ref="${sourceRef}" sheet="${sourceSheet}"/></cacheSource><cacheFields count="2"><cacheField name="Dept" numFmtId="0"><sharedItems count="2"><s v="A"/><s v="B"/></sharedItems></cacheField><cacheField name="Cost" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" containsInteger="1" minValue="1" maxValue="3"/></cacheField></cacheFields></pivotCacheDefinition>`,
    );
    zip.file(
      "xl/pivotCache/pivotCacheRecords1.xml",
      `${HEAD}<pivotCacheRecords xmlns="${MAIN}" count="3"><r><x v="0"/><n v="1"/></r><r><x v="1"/><n v="2"/></r><r><x v="0"/><n v="3"/></r></pivotCacheRecords>`,
    );
    zip.file(
      "xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels",
      `${HEAD}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/pivotCacheRecords" Target="pivotCacheRecords1.xml"/></Relationships>`,
    );
    zip.file(
      "xl/pivotTables/pivotTable1.xml",
      `${HEAD}<pivotTableDefinition xmlns="${MAIN}" name="PivotTable1" cacheId="10" dataCaption="Values" updatedVersion="6" createdVersion="6" indent="0" outline="1" outlineData="1"><location ref="${ref}" firstHeaderRow="1" firstDataRow="1" firstDataCol="1" rowPageCount="1" colPageCount="1"/><pivotFields count="2"><pivotField axis="axisRow" showAll="0"><items count="3"><item x="0"/><item x="1"/><item t="default"/></items></pivotField><pivotField dataField="1" showAll="0"/></pivotFields><rowFields count="1"><field x="0"/></rowFields><rowItems count="3"><i><x/></i><i><x v="1"/></i><i t="grand"><x/></i></rowItems><colItems count="1"><i/></colItems><dataFields count="1"><dataField name="Sum of Cost" fld="1" baseField="0" baseItem="0"/></dataFields></pivotTableDefinition>`,
    );
    zip.file(
      "xl/pivotTables/_rels/pivotTable1.xml.rels",
      `${HEAD}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/pivotCacheDefinition" Target="../pivotCache/pivotCacheDefinition1.xml"/></Relationships>`,
    );
    const sheetRels = sheetPath.replace("worksheets/", "worksheets/_rels/") + ".rels";
    const existing = zip.file(sheetRels)
      ? await text(zip, sheetRels)
      : `${HEAD}<Relationships xmlns="${PKG_REL}"></Relationships>`;
    zip.file(
      sheetRels,
      existing.replace(
        "</Relationships>",
        `<Relationship Id="${nextRelId(existing)}" Type="${REL}/pivotTable" Target="../pivotTables/pivotTable1.xml"/></Relationships>`,
      ),
    );
    await addOverride(
      zip,
      "/xl/pivotTables/pivotTable1.xml",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml",
    );
    await addOverride(
      zip,
      "/xl/pivotCache/pivotCacheDefinition1.xml",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml",
    );
    await addOverride(
      zip,
      "/xl/pivotCache/pivotCacheRecords1.xml",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml",
    );
    const cacheRel = await addWorkbookRel(zip, `${REL}/pivotCacheDefinition`, "pivotCache/pivotCacheDefinition1.xml");
    // An embedded data model (Power Pivot) as Excel stores it: an opaque binary part.
    zip.file("xl/model/item.data", new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]));
    await addWorkbookRel(
      zip,
      "http://schemas.openxmlformats.org/officeDocument/2006/relationships/powerPivotData",
      "model/item.data",
    );
    const wb = await text(zip, "xl/workbook.xml");
    zip.file(
      "xl/workbook.xml",
      wb.replace("</workbook>", `<pivotCaches><pivotCache cacheId="10" r:id="${cacheRel}"/></pivotCaches></workbook>`),
    );
  });
}

/** Reads one part of a package as text (for structural assertions). */
export async function partText(bytes: Uint8Array, path: string): Promise<string> {
  return text(await JSZip.loadAsync(bytes), path);
}

/** Rewrites every spreadsheet part with an `x:` prefix on its elements, as the Open XML SDK can. */
export async function withPrefixedParts(bytes: Uint8Array): Promise<Uint8Array> {
  return edit(bytes, async (zip) => {
    for (const p of Object.keys(zip.files).filter((n) => n.startsWith("xl/") && n.endsWith(".xml"))) {
      const xml = await text(zip, p);
      if (!xml.includes(`xmlns="${MAIN}"`)) continue;
      zip.file(
        p,
        xml
          .replace(`xmlns="${MAIN}"`, `xmlns:x="${MAIN}"`)
          .replace(/<(\/?)(?![?!])([A-Za-z]\w*)(?=[\s>/])/g, "<$1x:$2"),
      );
    }
  });
}

/** Adds a drawing part written with a default namespace (no `xdr:` prefix), which exceljs cannot model. */
export async function withUnprefixedDrawing(bytes: Uint8Array): Promise<Uint8Array> {
  return edit(bytes, async (zip) => {
    const XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
    zip.file(
      "xl/drawings/drawing1.xml",
      `${HEAD}<wsDr xmlns="${XDR}" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><twoCellAnchor><from><col>3</col><colOff>0</colOff><row>1</row><rowOff>0</rowOff></from><to><col>8</col><colOff>0</colOff><row>12</row><rowOff>0</rowOff></to><sp macro="" textlink=""><nvSpPr><cNvPr id="2" name="Note 1"/><cNvSpPr/></nvSpPr><spPr/></sp><clientData/></twoCellAnchor></wsDr>`,
    );
    zip.file("xl/drawings/_rels/drawing1.xml.rels", `${HEAD}<Relationships xmlns="${PKG_REL}"></Relationships>`);
    await addOverride(zip, "/xl/drawings/drawing1.xml", "application/vnd.openxmlformats-officedocument.drawing+xml");
  });
}

/**
 * Package integrity, as Excel checks it on open: every internal relationship target exists, every
 * `r:id` used in a part is declared in its rels, every content-type override names an existing part.
 * Returns the broken references (empty when the package is sound).
 */
export async function danglingReferences(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const broken: string[] = [];
  const exists = (p: string) => zip.file(p) !== null;
  for (const relsPath of Object.keys(zip.files).filter((p) => p.endsWith(".rels"))) {
    // `_rels/.rels` belongs to the package root; `dir/_rels/part.xml.rels` to `dir/part.xml`.
    const owner = relsPath === "_rels/.rels" ? "" : relsPath.replace(/_rels\/([^/]+)\.rels$/, "$1");
    const dir = owner.includes("/") ? owner.slice(0, owner.lastIndexOf("/")) : "";
    const xml = await text(zip, relsPath);
    const ids = new Set<string>();
    for (const m of xml.matchAll(/<Relationship\b[^>]*>/g)) {
      const id = /Id="([^"]+)"/.exec(m[0])?.[1] ?? "";
      ids.add(id);
      if (/TargetMode="External"/.test(m[0])) continue;
      const target = /Target="([^"]+)"/.exec(m[0])?.[1] ?? "";
      const parts = target.startsWith("/") ? [] : dir.split("/").filter(Boolean);
      for (const seg of target.replace(/^\//, "").split("/")) {
        if (seg === "..") parts.pop();
        else parts.push(seg);
      }
      if (!exists(parts.join("/"))) broken.push(`${relsPath}: ${id} → ${target}`);
    }
    if (exists(owner) && owner.endsWith(".xml")) {
      const ownerXml = await text(zip, owner);
      for (const m of ownerXml.matchAll(/\br:id="([^"]+)"/g)) {
        if (!ids.has(m[1])) broken.push(`${owner}: r:id ${m[1]} not in ${relsPath}`);
      }
    }
  }
  const ct = await text(zip, "[Content_Types].xml");
  for (const m of ct.matchAll(/PartName="\/([^"]+)"/g)) if (!exists(m[1])) broken.push(`[Content_Types].xml: ${m[1]}`);
  return broken;
}
