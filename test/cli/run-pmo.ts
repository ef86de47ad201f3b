import { main } from "../../src/cli/main";

/** Runs `pmo` in-process as a shell would, capturing stdout and stderr and the exit code. */
export async function pmo(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const out = jest.spyOn(process.stdout, "write").mockImplementation((s: string | Uint8Array) => {
    stdout += String(s);
    return true;
  });
  const err = jest.spyOn(process.stderr, "write").mockImplementation((s: string | Uint8Array) => {
    stderr += String(s);
    return true;
  });
  process.exitCode = undefined;
  try {
    const code = await main(["node", "pmo", ...args]);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
    process.exitCode = undefined;
  }
}
