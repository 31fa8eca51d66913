declare module 'pgpass' {
  interface ConnectionInfo {
    host?: string;
    port?: number | string;
    database?: string;
    user?: string;
  }
  /** Looks the connection up in PGPASSFILE or ~/.pgpass; calls back with undefined when absent. */
  export default function pgpass(
    connection: ConnectionInfo,
    callback: (password: string | undefined) => void,
  ): void;
}
