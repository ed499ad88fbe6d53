import { flexRender, getCoreRowModel, useReactTable, type ColumnDef } from '@tanstack/react-table';

/**
 * The shared table: TanStack Table (headless) rendered as a plain, accessible <table>. Rows can be
 * opened with Enter or a click.
 */
export function DataTable<T>(props: {
  data: T[];
  columns: ColumnDef<T, unknown>[];
  onOpen?: (row: T) => void;
  caption?: string;
  empty: string;
  rowLabel?: (row: T) => string;
}) {
  const table = useReactTable({ data: props.data, columns: props.columns, getCoreRowModel: getCoreRowModel() });
  return (
    <table className="data-table">
      {props.caption ? <caption className="visually-hidden">{props.caption}</caption> : null}
      <thead>
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id}>
            {group.headers.map((header) => (
              <th key={header.id} scope="col">
                {header.isPlaceholder ? null : flexRender(header.column.columnDef.header, header.getContext())}
              </th>
            ))}
          </tr>
        ))}
      </thead>
      <tbody>
        {table.getRowModel().rows.length === 0 ? (
          <tr>
            <td colSpan={props.columns.length} className="empty">
              {props.empty}
            </td>
          </tr>
        ) : (
          table.getRowModel().rows.map((row) => (
            <tr
              key={row.id}
              tabIndex={props.onOpen ? 0 : undefined}
              className={props.onOpen ? 'clickable' : undefined}
              aria-label={props.rowLabel?.(row.original)}
              onClick={props.onOpen ? () => props.onOpen?.(row.original) : undefined}
              onKeyDown={
                props.onOpen
                  ? (e) => {
                      if (e.key === 'Enter') props.onOpen?.(row.original);
                    }
                  : undefined
              }
            >
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
              ))}
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}
