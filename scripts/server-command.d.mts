export function serverCommand(
  root: string,
  port: number | string,
): { command: string; args: string[] };
