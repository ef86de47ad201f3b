import type { EntityName } from "../../domain/schema";
import { OWNED_SHEET, findNameOrFreeVariant } from "../../domain/owned-sheet-names";
import { entitySheet } from "../../report/register-sheets";
import { listRange } from "../../report/settings-sheet";
import type { SheetSpec } from "../../workbook/spec";
import type { OpenRegister } from "../open-register";

/** The register tables of these entities, rewritten from the (edited) register, their dropdowns pointing at the lists sheet. */
export function registerTableSheets(opened: OpenRegister, entities: Iterable<EntityName>): SheetSpec[] {
  const settings = opened.settings;
  const listsSheet = findNameOrFreeVariant(settings.ownedSheets, OWNED_SHEET.lists) ?? OWNED_SHEET.lists;
  return [...entities].map((entity) =>
    entitySheet(opened.register, entity, {
      currency: settings.general.currency,
      listRange: (list) => listRange(list, settings, listsSheet),
    }),
  );
}
