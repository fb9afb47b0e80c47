import { Combobox, Option } from '@fluentui/react-components';
import { memo, useEffect, useMemo, useState } from 'react';

/** One choice of a searchable list: what is stored, and what is shown and searched. */
export interface SearchOption {
  readonly value: string;
  readonly label: string;
}

/** Lower case, without accents, `_` and `/` read as spaces: "sao paulo" finds "America/Sao_Paulo". */
export function searchText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[_/]/g, ' ')
    .toLowerCase();
}

/**
 * A Fluent combobox over a long list: the admin types part of a name and picks a match.
 *
 * The text box shows the chosen option's label whenever it is not being typed in, so a value
 * set elsewhere (a number typed with its country code) shows at once. Picking is the only way
 * to change the value: free text that matches nothing is dropped when the box loses focus.
 */
export const SearchCombobox = memo(function SearchCombobox({
  value,
  options,
  placeholder,
  noMatch,
  openLabel,
  labelOf,
  onChange,
  onBlur,
  testId,
}: {
  value: string;
  options: readonly SearchOption[];
  placeholder: string;
  noMatch: string;
  /** The name of the button that opens the list (Fluent's own is English only). */
  openLabel: string;
  /** The label of a stored value the list does not hold (a zone another runtime names). */
  labelOf?: (value: string) => string;
  onChange: (value: string) => void;
  onBlur: () => void;
  testId?: string;
}) {
  const selectedLabel = options.find((option) => option.value === value)?.label ?? (value === '' ? '' : (labelOf?.(value) ?? value));
  const [query, setQuery] = useState(selectedLabel);
  const [typing, setTyping] = useState(false);
  useEffect(() => {
    if (!typing) setQuery(selectedLabel);
  }, [selectedLabel, typing]);

  const matches = useMemo(() => {
    const wanted = searchText(query.trim());
    // The chosen label in the box lists everything: opening the list is not a search.
    if (!typing || wanted === '') return options;
    return options.filter((option) => searchText(option.label).includes(wanted));
  }, [options, query, typing]);

  return (
    <Combobox
      value={query}
      selectedOptions={value === '' ? [] : [value]}
      placeholder={placeholder}
      expandIcon={{ 'aria-label': openLabel }}
      autoComplete="off"
      data-testid={testId}
      onChange={(event) => {
        setTyping(true);
        setQuery(event.target.value);
      }}
      onOptionSelect={(_event, data) => {
        setTyping(false);
        if (data.optionValue !== undefined) onChange(data.optionValue);
        setQuery(data.optionText ?? '');
      }}
      onBlur={() => {
        setTyping(false);
        setQuery(selectedLabel);
        onBlur();
      }}
    >
      {matches.length === 0 ? (
        <Option key="no-match" value="" text={noMatch} disabled>
          {noMatch}
        </Option>
      ) : (
        matches.map((option) => (
          <Option key={option.value} value={option.value} text={option.label}>
            {option.label}
          </Option>
        ))
      )}
    </Combobox>
  );
});
