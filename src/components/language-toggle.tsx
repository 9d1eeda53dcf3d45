import * as ToggleGroup from '@radix-ui/react-toggle-group';
import { useRef } from 'react';
import { type LanguageId, languageIds } from '../snippets/languages.js';

interface LanguageToggleProps {
  value: LanguageId;
  onValueChange: (language: LanguageId) => void;
  label: string;
  languageLabels: Readonly<Record<LanguageId, string>>;
}

/** Renders a radio group with one item per registered language. The arrow keys switch it. */
export function LanguageToggle({
  value,
  onValueChange,
  label,
  languageLabels,
}: LanguageToggleProps) {
  const pointerDown = useRef(false);

  return (
    <ToggleGroup.Root
      type="single"
      value={value}
      // A single toggle group reports '' when the active item is clicked again; a language stays chosen.
      onValueChange={(next) => {
        if (next !== '') onValueChange(next as LanguageId);
      }}
      aria-label={label}
      data-slot="language-toggle"
    >
      {languageIds.map((id) => (
        <ToggleGroup.Item
          key={id}
          value={id}
          onPointerDown={() => {
            pointerDown.current = true;
          }}
          onPointerUp={() => {
            pointerDown.current = false;
          }}
          // Selection follows keyboard focus, as in a radio group. A click selects through
          // onValueChange already, so the focus that comes with it selects nothing.
          onFocus={() => {
            if (!pointerDown.current && id !== value) onValueChange(id);
          }}
          data-slot="language-option"
        >
          {languageLabels[id]}
        </ToggleGroup.Item>
      ))}
    </ToggleGroup.Root>
  );
}
