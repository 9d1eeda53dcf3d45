import * as ToggleGroup from '@radix-ui/react-toggle-group';
import { type LanguageId, languageIds } from '../snippets/languages';

interface LanguageToggleProps {
  value: LanguageId;
  onValueChange: (language: LanguageId) => void;
  label: string;
  languageLabels: Readonly<Record<LanguageId, string>>;
}

/** A radio group with one item per registered language. */
export function LanguageToggle({
  value,
  onValueChange,
  label,
  languageLabels,
}: LanguageToggleProps) {
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
        <ToggleGroup.Item key={id} value={id} data-slot="language-option">
          {languageLabels[id]}
        </ToggleGroup.Item>
      ))}
    </ToggleGroup.Root>
  );
}
