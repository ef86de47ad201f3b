import { useEffect, useState } from "react";
import type { Theme } from "@fluentui/react-components";
import { teamsHighContrastTheme, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import type { HostMode } from "./host";

/** Relative luminance of a #rrggbb colour (WCAG formula), or null when it cannot be read. */
export function luminance(hex: string): number | null {
  const match = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!match) return null;
  const value = parseInt(match[1], 16);
  const channel = (c: number): number => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return (
    0.2126 * channel((value >> 16) & 0xff) + 0.7152 * channel((value >> 8) & 0xff) + 0.0722 * channel(value & 0xff)
  );
}

/** Excel's own theme (Dark Gray, Black, White, Colorful) decides the pane's, when Excel says. */
function officeIsDark(): boolean | null {
  try {
    const colour = Office.context?.officeTheme?.bodyBackgroundColor;
    const l = colour ? luminance(colour) : null;
    return l === null ? null : l < 0.4;
  } catch {
    return null;
  }
}

function query(media: string): boolean {
  return typeof window.matchMedia === "function" && window.matchMedia(media).matches;
}

/**
 * The Fluent theme to use: high contrast when the system forces colours, otherwise dark or light
 * following Excel's theme (or, in file mode or when Excel does not say, the browser's preference).
 * Re-evaluated when the system settings change.
 */
export function usePaneTheme(mode: HostMode): { theme: Theme; name: "light" | "dark" | "high-contrast" } {
  const pick = (): "light" | "dark" | "high-contrast" => {
    if (query("(forced-colors: active)")) return "high-contrast";
    const fromOffice = mode === "excel" ? officeIsDark() : null;
    const dark = fromOffice ?? query("(prefers-color-scheme: dark)");
    return dark ? "dark" : "light";
  };
  const [name, setName] = useState(pick);
  useEffect(() => {
    if (typeof window.matchMedia !== "function") return undefined;
    const lists = ["(forced-colors: active)", "(prefers-color-scheme: dark)"].map((m) => window.matchMedia(m));
    const update = (): void => setName(pick());
    lists.forEach((l) => l.addEventListener("change", update));
    return () => lists.forEach((l) => l.removeEventListener("change", update));
    // pick reads only the mode and the environment; re-subscribing on mode change is enough.
  }, [mode]);
  const theme = name === "high-contrast" ? teamsHighContrastTheme : name === "dark" ? webDarkTheme : webLightTheme;
  return { theme, name };
}
