import { Field, Input, Select, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useDeferredValue, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** One column of a {@link DataTable}. */
export interface DataTableColumn<Row> {
  /** Stable id, also used as React key. */
  id: string;
  /** Header text, already translated. */
  header: string;
  /** What the cell shows. Keep it static (text, badge): the row, not the cell, takes focus. */
  cell: (row: Row) => ReactNode;
  /** The cell's text for the search box; columns without it are not searched. */
  text?: (row: Row) => string;
  /** CSS grid track, e.g. `'12rem'` or `'minmax(0, 2fr)'`; default `'minmax(0, 1fr)'`. */
  width?: string;
}

/** The optional filter of a {@link DataTable}: a select whose first choice ("All") keeps every row. */
export interface DataTableFilter<Row> {
  /** Label of the select, already translated. */
  label: string;
  /** The choices after "All". */
  options: readonly { value: string; label: string }[];
  /** Whether `row` passes when `value` is chosen. */
  test: (row: Row, value: string) => boolean;
}

/** Props of {@link DataTable}. */
export interface DataTableProps<Row> {
  /** Accessible name of the grid (and the base of the search box's name), already translated. */
  label: string;
  rows: readonly Row[];
  /** A key unique among `rows`, stable across renders. */
  rowKey: (row: Row) => string;
  columns: readonly DataTableColumn<Row>[];
  filter?: DataTableFilter<Row>;
  /** The row shown as selected (`aria-selected`), usually the one being edited. */
  selectedKey?: string | null;
  /** Called on click, Enter or Space on a row. */
  onSelect?: (row: Row) => void;
  /** Height of the scrolling area in px (default 320). */
  height?: number;
  /** Height of one row in px (default 36); rows are fixed-height so thousands stay cheap. */
  rowHeight?: number;
  /** Shown under the grid when no row passes search and filter; default "No row matches.". */
  emptyText?: string;
  /** Put on the wrapper for tests. */
  testId?: string;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  tools: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
  search: { flexGrow: 1, minWidth: '12rem' },
  count: { color: tokens.colorNeutralForeground2, paddingBottom: tokens.spacingVerticalXS },
  grid: {
    overflowY: 'auto',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  head: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  row: { display: 'grid', alignItems: 'center', columnGap: tokens.spacingHorizontalM, paddingInline: tokens.spacingHorizontalM, boxSizing: 'border-box' },
  headerCell: { fontWeight: tokens.fontWeightSemibold, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  body: { position: 'relative' },
  bodyRow: {
    position: 'absolute',
    top: 0,
    left: 0,
    width: '100%',
    cursor: 'pointer',
    color: tokens.colorNeutralForeground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  selected: { backgroundColor: tokens.colorBrandBackground2, ':hover': { backgroundColor: tokens.colorBrandBackground2Hover } },
  active: { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  cell: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  empty: { margin: 0, color: tokens.colorNeutralForeground2 },
});

/** Lower-case and strip accents, so "equipe" finds "Équipe" (French admins type both). */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * A virtualised, searchable, keyboard-operable table for long lists (skills, roles, agents,
 * queues): thousands of rows cost only the few dozen on screen.
 *
 * Usage:
 * ```tsx
 * <DataTable
 *   label={t('digitalSkill.table.label')}
 *   rows={skills}
 *   rowKey={(skill) => skill.id}
 *   columns={[{ id: 'name', header: t('…'), cell: (s) => s.name, text: (s) => s.name }]}
 *   filter={{ label: t('…'), options: [{ value: 'inbound', label: t('…') }], test: (s, v) => s.direction === v }}
 *   selectedKey={editingId}
 *   onSelect={(skill) => setEditingId(skill.id)}
 * />
 * ```
 *
 * Above the grid: a search box (case- and accent-insensitive over every column that has
 * `text`), the optional filter (a select whose first choice keeps everything), and the row
 * count ("12 of 5,000", announced politely). The grid is `role="grid"` with `aria-rowcount`;
 * each rendered row carries `aria-rowindex` (header is 1) and `aria-selected`.
 *
 * Keyboard: Tab reaches the grid as one stop; ArrowUp/ArrowDown, PageUp/PageDown, Home/End
 * move the active row (tracked with `aria-activedescendant`, scrolled into view so the
 * referenced element always exists); Enter or Space calls `onSelect`. Mouse: a click selects.
 * A `selectedKey` changed from outside (a review link) is scrolled into view.
 * Cells should not contain focusable controls: the row, not the cell, is the focus target.
 * Needs the `dataTable.*` messages of the drafts-skills catalog.
 */
export function DataTable<Row>({
  label,
  rows,
  rowKey,
  columns,
  filter,
  selectedKey = null,
  onSelect,
  height = 320,
  rowHeight = 36,
  emptyText,
  testId,
}: DataTableProps<Row>) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const baseId = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [query, setQuery] = useState('');
  const [filterValue, setFilterValue] = useState('');
  const [active, setActive] = useState(0);
  const [focused, setFocused] = useState(false);
  // Typing stays responsive with thousands of rows: filtering runs at lower priority.
  const deferredQuery = useDeferredValue(query);

  const haystacks = useMemo(
    () => rows.map((row) => fold(columns.map((column) => column.text?.(row) ?? '').join('\u0000'))),
    [rows, columns],
  );
  const visible = useMemo(() => {
    const needle = fold(deferredQuery.trim());
    const out: Row[] = [];
    rows.forEach((row, index) => {
      if (needle && !haystacks[index]!.includes(needle)) return;
      if (filter && filterValue && !filter.test(row, filterValue)) return;
      out.push(row);
    });
    return out;
  }, [rows, haystacks, deferredQuery, filter, filterValue]);

  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 8,
    // The sticky header sits inside the scroller, above the rows: the list starts one row down
    // (so a row scrolled to from below ends at the bottom edge, not a header's height under it),
    // and a row scrolled to from above stops just under the header.
    scrollMargin: rowHeight,
    scrollPaddingStart: rowHeight,
  });

  const activeIndex = visible.length === 0 ? -1 : Math.min(active, visible.length - 1);
  useEffect(() => {
    if (activeIndex >= 0) virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
    // Only when the active row changes; the virtualizer object is stable.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [activeIndex]);

  // A row selected from outside the grid (a review link, a row just added) is scrolled into
  // view, virtualised or not, and the arrow keys go on from it.
  useEffect(() => {
    if (selectedKey === null) return;
    const index = visible.findIndex((row) => rowKey(row) === selectedKey);
    if (index < 0) return;
    setActive(index);
    virtualizer.scrollToIndex(index, { align: 'auto' });
    // Only when the selection changes: a search or a filter keeps the admin's scroll position.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedKey]);

  const number = useMemo(() => new Intl.NumberFormat(i18n.language), [i18n.language]);
  const template = columns.map((column) => column.width ?? 'minmax(0, 1fr)').join(' ');
  const rowId = (index: number) => `${baseId}-row-${index}`;
  const pageSize = Math.max(1, Math.floor(height / rowHeight) - 1);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if (visible.length === 0) return;
    const moves: Record<string, number> = {
      ArrowDown: activeIndex + 1,
      ArrowUp: activeIndex - 1,
      PageDown: activeIndex + pageSize,
      PageUp: activeIndex - pageSize,
      Home: 0,
      End: visible.length - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      setActive(Math.max(0, Math.min(visible.length - 1, target)));
    } else if ((event.key === 'Enter' || event.key === ' ') && activeIndex >= 0) {
      event.preventDefault();
      onSelect?.(visible[activeIndex]!);
    }
  }

  return (
    <div className={styles.root} data-testid={testId}>
      <div className={styles.tools}>
        <Field className={styles.search} label={t('dataTable.search', { table: label })}>
          <Input
            type="search"
            value={query}
            onChange={(_event, data) => {
              setQuery(data.value);
              setActive(0);
            }}
          />
        </Field>
        {filter && (
          <Field label={filter.label}>
            <Select
              value={filterValue}
              onChange={(_event, data) => {
                setFilterValue(data.value);
                setActive(0);
              }}
            >
              <option value="">{t('dataTable.all')}</option>
              {filter.options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </Select>
          </Field>
        )}
        <Text className={styles.count} role="status" aria-live="polite" data-testid="data-table-count">
          {t('dataTable.count', { shown: number.format(visible.length), total: number.format(rows.length) })}
        </Text>
      </div>
      <div
        ref={scrollRef}
        role="grid"
        aria-label={label}
        aria-rowcount={visible.length + 1}
        aria-colcount={columns.length}
        aria-activedescendant={activeIndex >= 0 && focused ? rowId(activeIndex) : undefined}
        tabIndex={0}
        className={styles.grid}
        style={{ maxHeight: `${height}px` }}
        onKeyDown={onKeyDown}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
      >
        <div role="rowgroup" className={styles.head}>
          <div role="row" aria-rowindex={1} className={styles.row} style={{ gridTemplateColumns: template, height: `${rowHeight}px` }}>
            {columns.map((column, position) => (
              <div key={column.id} role="columnheader" aria-colindex={position + 1} className={styles.headerCell}>
                {column.header}
              </div>
            ))}
          </div>
        </div>
        <div role="rowgroup" className={styles.body} style={{ height: `${virtualizer.getTotalSize()}px` }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = visible[item.index]!;
            const key = rowKey(row);
            return (
              <div
                key={key}
                id={rowId(item.index)}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={key === selectedKey}
                data-row-key={key}
                className={mergeClasses(
                  styles.row,
                  styles.bodyRow,
                  key === selectedKey && styles.selected,
                  focused && item.index === activeIndex && styles.active,
                )}
                style={{ gridTemplateColumns: template, height: `${rowHeight}px`, transform: `translateY(${item.start - rowHeight}px)` }}
                onClick={() => {
                  setActive(item.index);
                  scrollRef.current?.focus({ preventScroll: true });
                  onSelect?.(row);
                }}
              >
                {columns.map((column, position) => (
                  <div key={column.id} role="gridcell" aria-colindex={position + 1} className={styles.cell}>
                    {column.cell(row)}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
      {visible.length === 0 && <p className={styles.empty}>{emptyText ?? t('dataTable.empty')}</p>}
    </div>
  );
}
