import * as Switch from '@radix-ui/react-switch';
import { useId } from 'react';

interface SecretsSwitchProps {
  checked: boolean;
  onCheckedChange: (checked: boolean) => void;
  label: string;
}

/** Renders the switch that reveals the real token in the code. */
export function SecretsSwitch({ checked, onCheckedChange, label }: SecretsSwitchProps) {
  const id = useId();

  return (
    <div data-slot="secrets-field">
      <Switch.Root
        id={id}
        checked={checked}
        onCheckedChange={onCheckedChange}
        data-slot="secrets-switch"
      >
        <Switch.Thumb data-slot="secrets-switch-thumb" />
      </Switch.Root>
      <label htmlFor={id} data-slot="secrets-label">
        {label}
      </label>
    </div>
  );
}
