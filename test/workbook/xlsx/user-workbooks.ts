import JSZip from "jszip";

/**
 * Workbooks made the way users make them, written part by part with jszip in the shapes Excel saves:
 * a sheet of the user's own figures with a chart, an image, dropdowns in both forms
 * (`<dataValidations>` and Excel 2010's `x14:dataValidations` in the extLst), conditional formats, a
 * note and a threaded comment; a pivot table with its cache; a protected sheet; defined names;
 * Purview sensitivity-label properties (`docProps/custom.xml`) and customXml; optionally a VBA
 * project (.xlsm). None of these survive an exceljs load and save, so they are what the surgical
 * write must carry across untouched.
 */

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";
const X14AC = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac";
const X14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main";
const XM = "http://schemas.microsoft.com/office/excel/2006/main";
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

export const MSIP_LABEL = "MSIP_Label_3f1c2b8e-5d0a-4c1e-9a7b-2e6f8d4c0b11";

/** The sheets the user made (the product must never rewrite them). */
export const USER_SHEETS = ["My Analysis", "Pivot", "Locked"];

/** The user's dropdowns: 1 in the classic form and 3 in the x14 form on "My Analysis". */
export const USER_DROPDOWNS = { classic: 1, x14: 3 };

export interface UserWorkbookOptions {
  /** Write an .xlsm: macro-enabled workbook content type and xl/vbaProject.bin. */
  macros?: boolean;
}

function rels(items: { id: string; type: string; target: string; external?: boolean }[]): string {
  return `${HEAD}<Relationships xmlns="${PKG_REL}">${items
    .map(
      (r) =>
        `<Relationship Id="${r.id}" Type="${r.type}" Target="${r.target}"${r.external ? ' TargetMode="External"' : ""}/>`,
    )
    .join("")}</Relationships>`;
}

/** A 1×1 PNG (a red pixel), the image on the user's sheet. */
const PNG = Uint8Array.from(
  Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==",
    "base64",
  ),
);

/** A stand-in VBA project: opaque bytes, as the product must treat it (never parsed). */
function vbaProject(): Uint8Array {
  const out = new Uint8Array(4096);
  let x = 0x12345678;
  for (let i = 0; i < out.length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  // The compound-file signature, as a real vbaProject.bin starts.
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  return out;
}

const STRINGS = [
  "Month",
  "Cost",
  "Benefit",
  "Approved",
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "Total",
  "Yes",
  "Region",
  "North",
  "South",
];
const s = (text: string) => STRINGS.indexOf(text);

function analysisSheet(): string {
  const months = ["Jan", "Feb", "Mar", "Apr"];
  const rows = months
    .map(
      (m, i) =>
        `<row r="${i + 2}" spans="1:4"><c r="A${i + 2}" t="s"><v>${s(m)}</v></c><c r="B${i + 2}" s="1"><v>${1000 * (i + 1)}</v></c><c r="C${i + 2}" s="1"><v>${1500 * (i + 1) - 200}</v></c><c r="D${i + 2}" t="s"><v>${s("Yes")}</v></c></row>`,
    )
    .join("");
  return (
    `${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}" xmlns:mc="${MC}" mc:Ignorable="x14ac" xmlns:x14ac="${X14AC}">` +
    `<dimension ref="A1:D7"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/><cols><col min="1" max="4" width="12.7109375" customWidth="1"/></cols>` +
    `<sheetData><row r="1" spans="1:4"><c r="A1" s="2" t="s"><v>${s("Month")}</v></c><c r="B1" s="2" t="s"><v>${s("Cost")}</v></c><c r="C1" s="2" t="s"><v>${s("Benefit")}</v></c><c r="D1" s="2" t="s"><v>${s("Approved")}</v></c></row>` +
    rows +
    `<row r="7" spans="1:4"><c r="A7" s="2" t="s"><v>${s("Total")}</v></c><c r="B7" s="1"><f>SUM(B2:B5)</f><v>10000</v></c><c r="C7" s="1"><f>SUM(C2:C5)</f><v>14200</v></c></row>` +
    `</sheetData>` +
    `<conditionalFormatting sqref="C2:C5"><cfRule type="cellIs" dxfId="0" priority="2" operator="greaterThan"><formula>2000</formula></cfRule></conditionalFormatting>` +
    `<conditionalFormatting sqref="B2:B5"><cfRule type="colorScale" priority="1"><colorScale><cfvo type="min"/><cfvo type="max"/><color rgb="FFF8696B"/><color rgb="FF63BE7B"/></colorScale></cfRule></conditionalFormatting>` +
    `<dataValidations count="1"><dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="D2:D5"><formula1>"Yes,No"</formula1></dataValidation></dataValidations>` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `<drawing r:id="rId1"/><legacyDrawing r:id="rId2"/>` +
    `<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="${X14}"><x14:dataValidations count="3" xmlns:xm="${XM}">` +
    ["E2:E5", "F2:F5", "G2:G5"]
      .map(
        (ref) =>
          `<x14:dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1"><x14:formula1><xm:f>Locked!$A$2:$A$3</xm:f></x14:formula1><xm:sqref>${ref}</xm:sqref></x14:dataValidation>`,
      )
      .join("") +
    `</x14:dataValidations></ext></extLst></worksheet>`
  );
}

function pivotSheet(): string {
  return (
    `${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><dimension ref="A3:B6"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>` +
    `<sheetData><row r="3"><c r="A3" t="s"><v>${s("Region")}</v></c><c r="B3" t="s"><v>${s("Cost")}</v></c></row>` +
    `<row r="4"><c r="A4" t="s"><v>${s("North")}</v></c><c r="B4"><v>4000</v></c></row>` +
    `<row r="5"><c r="A5" t="s"><v>${s("South")}</v></c><c r="B5"><v>6000</v></c></row>` +
    `<row r="6"><c r="A6" t="s"><v>${s("Total")}</v></c><c r="B6"><v>10000</v></c></row></sheetData>` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`
  );
}

function lockedSheet(): string {
  // LibreOffice and Excel both write protection this way (a legacy 16-bit password hash).
  return (
    `${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><dimension ref="A1:A3"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>` +
    `<sheetData><row r="1"><c r="A1" s="2" t="s"><v>${s("Approved")}</v></c></row><row r="2"><c r="A2" t="s"><v>${s("Yes")}</v></c></row><row r="3"><c r="A3" t="s"><v>${s("North")}</v></c></row></sheetData>` +
    `<sheetProtection password="CC1A" sheet="1" objects="1" scenarios="1" formatCells="0"/>` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`
  );
}

const CHART = `${HEAD}<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL}"><c:roundedCorners val="0"/><c:chart><c:autoTitleDeleted val="0"/><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:strRef><c:f>'My Analysis'!$B$1</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>Cost</c:v></c:pt></c:strCache></c:strRef></c:tx><c:cat><c:strRef><c:f>'My Analysis'!$A$2:$A$5</c:f><c:strCache><c:ptCount val="4"/><c:pt idx="0"><c:v>Jan</c:v></c:pt><c:pt idx="1"><c:v>Feb</c:v></c:pt><c:pt idx="2"><c:v>Mar</c:v></c:pt><c:pt idx="3"><c:v>Apr</c:v></c:pt></c:strCache></c:strRef></c:cat><c:val><c:numRef><c:f>'My Analysis'!$B$2:$B$5</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="4"/><c:pt idx="0"><c:v>1000</c:v></c:pt><c:pt idx="1"><c:v>2000</c:v></c:pt><c:pt idx="2"><c:v>3000</c:v></c:pt><c:pt idx="3"><c:v>4000</c:v></c:pt></c:numCache></c:numRef></c:val></c:ser><c:gapWidth val="150"/><c:axId val="111"/><c:axId val="222"/></c:barChart><c:catAx><c:axId val="111"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="222"/></c:catAx><c:valAx><c:axId val="222"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="111"/></c:valAx></c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`;

function anchor(from: [number, number], to: [number, number], body: string): string {
  return `<xdr:twoCellAnchor editAs="oneCell"><xdr:from><xdr:col>${from[0]}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${from[1]}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>${to[0]}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${to[1]}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>${body}<xdr:clientData/></xdr:twoCellAnchor>`;
}

const DRAWING =
  `${HEAD}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">` +
  anchor(
    [5, 1],
    [12, 16],
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${REL}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame>`,
  ) +
  anchor(
    [13, 1],
    [14, 3],
    `<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="3" name="Picture 2"/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr><xdr:blipFill><a:blip xmlns:r="${REL}" r:embed="rId2"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="9525" cy="9525"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic>`,
  ) +
  `</xdr:wsDr>`;

const COMMENTS = `${HEAD}<comments xmlns="${MAIN}"><authors><author>tc={6B1F0C55-0C3E-4B8B-9D5E-0A1B2C3D4E5F}</author><author>Pat Analyst</author></authors><commentList><comment ref="B7" authorId="0"><text><t>[Threaded comment]\n\nYour version of Excel allows you to read this threaded comment; however, any edits to it will get removed if the file is opened in a newer version of Excel.\n\nComment:\n    Check the March cost with finance</t></text></comment><comment ref="C7" authorId="1"><text><r><rPr><b/><sz val="9"/><rFont val="Tahoma"/></rPr><t>Pat Analyst:</t></r><r><rPr><sz val="9"/><rFont val="Tahoma"/></rPr><t xml:space="preserve">\nBenefit net of running costs</t></r></text></comment></commentList></comments>`;

function vmlShape(n: number, row: number, col: number): string {
  return `<v:shape id="_x0000_s${1024 + n}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:${n};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`;
}

const VML = `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>${vmlShape(1, 6, 1)}${vmlShape(2, 6, 2)}</xml>`;

const THREADED = `${HEAD}<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="${MAIN}"><threadedComment ref="B7" dT="2026-03-02T09:15:00.00" personId="{0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0}" id="{6B1F0C55-0C3E-4B8B-9D5E-0A1B2C3D4E5F}"><text>Check the March cost with finance</text></threadedComment></ThreadedComments>`;

const PERSONS = `${HEAD}<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="${MAIN}"><person displayName="Sam Sponsor" id="{0F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0}" userId="sam@example.org" providerId="AD"/></personList>`;

const PIVOT_CACHE = `${HEAD}<pivotCacheDefinition xmlns="${MAIN}" xmlns:r="${REL}" r:id="rId1" refreshedBy="Pat Analyst" refreshedDate="46082.5" createdVersion="8" refreshedVersion="8" minRefreshableVersion="3" recordCount="4"><cacheSource type="worksheet"><worksheetSource ref="A1:C5" sheet="My Analysis"/></cacheSource><cacheFields count="2"><cacheField name="Month" numFmtId="0"><sharedItems count="4"><s v="Jan"/><s v="Feb"/><s v="Mar"/><s v="Apr"/></sharedItems></cacheField><cacheField name="Cost" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" containsInteger="1" minValue="1000" maxValue="4000"/></cacheField></cacheFields></pivotCacheDefinition>`;
const PIVOT_RECORDS = `${HEAD}<pivotCacheRecords xmlns="${MAIN}" count="4"><r><x v="0"/><n v="1000"/></r><r><x v="1"/><n v="2000"/></r><r><x v="2"/><n v="3000"/></r><r><x v="3"/><n v="4000"/></r></pivotCacheRecords>`;
const PIVOT_TABLE = `${HEAD}<pivotTableDefinition xmlns="${MAIN}" name="PivotTable1" cacheId="4" applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" dataCaption="Values" updatedVersion="8" minRefreshableVersion="3" useAutoFormatting="1" itemPrintTitles="1" createdVersion="8" indent="0" outline="1" outlineData="1" multipleFieldFilters="0"><location ref="A3:B6" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/><pivotFields count="2"><pivotField axis="axisRow" showAll="0"><items count="5"><item x="0"/><item x="1"/><item x="2"/><item x="3"/><item t="default"/></items></pivotField><pivotField dataField="1" showAll="0"/></pivotFields><rowFields count="1"><field x="0"/></rowFields><rowItems count="3"><i><x/></i><i><x v="1"/></i><i t="grand"><x/></i></rowItems><colItems count="1"><i/></colItems><dataFields count="1"><dataField name="Sum of Cost" fld="1" baseField="0" baseItem="0"/></dataFields><pivotTableStyleInfo name="PivotStyleLight16" showRowHeaders="1" showColHeaders="1" showRowStripes="0" showColStripes="0" showLastColumn="1"/></pivotTableDefinition>`;

const STYLES =
  `${HEAD}<styleSheet xmlns="${MAIN}" xmlns:mc="${MC}" mc:Ignorable="x14ac" xmlns:x14ac="${X14AC}">` +
  `<numFmts count="1"><numFmt numFmtId="164" formatCode="&quot;£&quot;#,##0"/></numFmts>` +
  `<fonts count="2" x14ac:knownFonts="1"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font><font><b/><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
  `<dxfs count="1"><dxf><font><color rgb="FF006100"/></font><fill><patternFill><bgColor rgb="FFC6EFCE"/></patternFill></fill></dxf></dxfs>` +
  `<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>`;

const SST = `${HEAD}<sst xmlns="${MAIN}" count="${STRINGS.length + 8}" uniqueCount="${STRINGS.length}">${STRINGS.map((t) => `<si><t>${t}</t></si>`).join("")}</sst>`;

const CUSTOM_PROPS = (() => {
  const props: [string, string][] = [
    [`${MSIP_LABEL}_Enabled`, "true"],
    [`${MSIP_LABEL}_SetDate`, "2026-02-11T10:20:31Z"],
    [`${MSIP_LABEL}_Method`, "Privileged"],
    [`${MSIP_LABEL}_Name`, "OFFICIAL-SENSITIVE"],
    [`${MSIP_LABEL}_SiteId`, "a1b2c3d4-0000-4000-8000-123456789abc"],
    [`${MSIP_LABEL}_ActionId`, "9e8d7c6b-1111-4222-8333-444455556666"],
    [`${MSIP_LABEL}_ContentBits`, "0"],
  ];
  return `${HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">${props
    .map(
      ([name, value], i) =>
        `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="${i + 2}" name="${name}"><vt:lpwstr>${value}</vt:lpwstr></property>`,
    )
    .join("")}</Properties>`;
})();

const CUSTOM_XML = `<?xml version="1.0" encoding="utf-8"?><p:properties xmlns:p="http://schemas.microsoft.com/office/2006/metadata/properties" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><documentManagement><TaxCatchAll xmlns="http://example.org/sharepoint">PMO</TaxCatchAll></documentManagement></p:properties>`;
const CUSTOM_XML_PROPS = `${HEAD}<ds:datastoreItem ds:itemID="{5A6B7C8D-9E0F-4A1B-8C2D-3E4F5A6B7C8D}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="http://schemas.microsoft.com/office/2006/metadata/properties"/></ds:schemaRefs></ds:datastoreItem>`;

/** Builds the user's workbook. Deterministic: the same options give the same bytes. */
export async function userWorkbook(options: UserWorkbookOptions = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  const date = new Date(Date.UTC(2026, 0, 5));
  const add = (path: string, data: string | Uint8Array) => zip.file(path, data, { date });
  const workbookType = options.macros
    ? "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
    : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
  add(
    "[Content_Types].xml",
    `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="png" ContentType="image/png"/>` +
      (options.macros ? `<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>` : "") +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="${workbookType}"/>` +
      [1, 2, 3]
        .map(
          (n) =>
            `<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
        )
        .join("") +
      `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
      `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` +
      `<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>` +
      `<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>` +
      `<Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>` +
      `<Override PartName="/xl/threadedComments/threadedComment1.xml" ContentType="application/vnd.ms-excel.threadedcomments+xml"/>` +
      `<Override PartName="/xl/persons/person.xml" ContentType="application/vnd.ms-excel.person+xml"/>` +
      `<Override PartName="/xl/pivotTables/pivotTable1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml"/>` +
      `<Override PartName="/xl/pivotCache/pivotCacheDefinition1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml"/>` +
      `<Override PartName="/xl/pivotCache/pivotCacheRecords1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml"/>` +
      `<Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/>` +
      `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
      `<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>` +
      `<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>` +
      `</Types>`,
  );
  add(
    "_rels/.rels",
    rels([
      { id: "rId3", type: `${REL}/extended-properties`, target: "docProps/app.xml" },
      {
        id: "rId2",
        type: "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
        target: "docProps/core.xml",
      },
      { id: "rId1", type: `${REL}/officeDocument`, target: "xl/workbook.xml" },
      { id: "rId4", type: `${REL}/custom-properties`, target: "docProps/custom.xml" },
    ]),
  );
  add(
    "docProps/core.xml",
    `${HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>Portfolio tracker</dc:title><dc:creator>Pat Analyst</dc:creator><cp:lastModifiedBy>Pat Analyst</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">2026-01-05T09:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2026-03-02T09:20:00Z</dcterms:modified></cp:coreProperties>`,
  );
  add(
    "docProps/app.xml",
    `${HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>3</vt:i4></vt:variant></vt:vector></HeadingPairs><TitlesOfParts><vt:vector size="3" baseType="lpstr">${USER_SHEETS.map((n) => `<vt:lpstr>${n}</vt:lpstr>`).join("")}</vt:vector></TitlesOfParts><AppVersion>16.0300</AppVersion></Properties>`,
  );
  add("docProps/custom.xml", CUSTOM_PROPS);
  add("customXml/item1.xml", CUSTOM_XML);
  add("customXml/itemProps1.xml", CUSTOM_XML_PROPS);
  add(
    "customXml/_rels/item1.xml.rels",
    rels([{ id: "rId1", type: `${REL}/customXmlProps`, target: "itemProps1.xml" }]),
  );

  add(
    "xl/workbook.xml",
    `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}" xmlns:mc="${MC}" mc:Ignorable="x15" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main">` +
      `<fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27328"/>` +
      (options.macros
        ? `<workbookPr codeName="ThisWorkbook" defaultThemeVersion="166925"/>`
        : `<workbookPr defaultThemeVersion="166925"/>`) +
      `<bookViews><workbookView xWindow="-120" yWindow="-120" windowWidth="29040" windowHeight="15720"/></bookViews>` +
      `<sheets><sheet name="My Analysis" sheetId="1" r:id="rId1"/><sheet name="Pivot" sheetId="4" r:id="rId2"/><sheet name="Locked" sheetId="5" r:id="rId3"/></sheets>` +
      `<definedNames><definedName name="_xlnm.Print_Area" localSheetId="2">Locked!$A$1:$A$3</definedName><definedName name="ApprovalList">Locked!$A$2:$A$3</definedName><definedName name="MyTotal">'My Analysis'!$B$7</definedName></definedNames>` +
      `<calcPr calcId="191029"/><pivotCaches><pivotCache cacheId="4" r:id="rId7"/></pivotCaches></workbook>`,
  );
  add(
    "xl/_rels/workbook.xml.rels",
    rels([
      { id: "rId1", type: `${REL}/worksheet`, target: "worksheets/sheet1.xml" },
      { id: "rId2", type: `${REL}/worksheet`, target: "worksheets/sheet2.xml" },
      { id: "rId3", type: `${REL}/worksheet`, target: "worksheets/sheet3.xml" },
      { id: "rId5", type: `${REL}/styles`, target: "styles.xml" },
      { id: "rId6", type: `${REL}/sharedStrings`, target: "sharedStrings.xml" },
      { id: "rId7", type: `${REL}/pivotCacheDefinition`, target: "pivotCache/pivotCacheDefinition1.xml" },
      {
        id: "rId8",
        type: "http://schemas.microsoft.com/office/2017/10/relationships/person",
        target: "persons/person.xml",
      },
      ...(options.macros
        ? [
            {
              id: "rId9",
              type: "http://schemas.microsoft.com/office/2006/relationships/vbaProject",
              target: "vbaProject.bin",
            },
          ]
        : []),
    ]),
  );
  if (options.macros) add("xl/vbaProject.bin", vbaProject());
  add("xl/styles.xml", STYLES);
  add("xl/sharedStrings.xml", SST);
  add("xl/worksheets/sheet1.xml", analysisSheet());
  add(
    "xl/worksheets/_rels/sheet1.xml.rels",
    rels([
      {
        id: "rId3",
        type: "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment",
        target: "../threadedComments/threadedComment1.xml",
      },
      { id: "rId2", type: `${REL}/vmlDrawing`, target: "../drawings/vmlDrawing1.vml" },
      { id: "rId1", type: `${REL}/drawing`, target: "../drawings/drawing1.xml" },
      { id: "rId4", type: `${REL}/comments`, target: "../comments1.xml" },
    ]),
  );
  add("xl/worksheets/sheet2.xml", pivotSheet());
  add(
    "xl/worksheets/_rels/sheet2.xml.rels",
    rels([{ id: "rId1", type: `${REL}/pivotTable`, target: "../pivotTables/pivotTable1.xml" }]),
  );
  add("xl/worksheets/sheet3.xml", lockedSheet());
  add("xl/drawings/drawing1.xml", DRAWING);
  add(
    "xl/drawings/_rels/drawing1.xml.rels",
    rels([
      { id: "rId2", type: `${REL}/image`, target: "../media/image1.png" },
      { id: "rId1", type: `${REL}/chart`, target: "../charts/chart1.xml" },
    ]),
  );
  add("xl/charts/chart1.xml", CHART);
  add("xl/media/image1.png", PNG);
  add("xl/comments1.xml", COMMENTS);
  add("xl/drawings/vmlDrawing1.vml", VML);
  add("xl/threadedComments/threadedComment1.xml", THREADED);
  add("xl/persons/person.xml", PERSONS);
  add("xl/pivotTables/pivotTable1.xml", PIVOT_TABLE);
  add(
    "xl/pivotTables/_rels/pivotTable1.xml.rels",
    rels([{ id: "rId1", type: `${REL}/pivotCacheDefinition`, target: "../pivotCache/pivotCacheDefinition1.xml" }]),
  );
  add("xl/pivotCache/pivotCacheDefinition1.xml", PIVOT_CACHE);
  add(
    "xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels",
    rels([{ id: "rId1", type: `${REL}/pivotCacheRecords`, target: "pivotCacheRecords1.xml" }]),
  );
  add("xl/pivotCache/pivotCacheRecords1.xml", PIVOT_RECORDS);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
}

/** The entries of a package with their uncompressed bytes. */
export async function zipEntries(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Buffer>();
  for (const path of Object.keys(zip.files).sort()) {
    if (zip.files[path].dir) continue;
    out.set(path, Buffer.from(await zip.file(path)!.async("uint8array")));
  }
  return out;
}

/** The parts the product shares with the user and edits at the element level (never re-saves). */
export const SHARED_PARTS = new Set([
  "[Content_Types].xml",
  "xl/workbook.xml",
  "xl/_rels/workbook.xml.rels",
  "xl/styles.xml",
  "xl/calcChain.xml",
]);

/** Entries of `before` that are missing from `after` or whose uncompressed bytes differ. */
export function changedEntries(before: Map<string, Buffer>, after: Map<string, Buffer>, except: Set<string>): string[] {
  return [...before]
    .filter(([path]) => !except.has(path))
    .filter(([path, data]) => {
      const now = after.get(path);
      return now === undefined || !now.equals(data);
    })
    .map(([path]) => path);
}
