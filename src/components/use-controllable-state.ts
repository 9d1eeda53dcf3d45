import { useCallback, useRef, useState } from 'react';

interface ControllableStateOptions<T> {
  /** The controlled value; undefined leaves the state to the component. */
  value: T | undefined;
  defaultValue: T;
  onChange: ((value: T) => void) | undefined;
  /** The prop name, for the development warning. */
  name: string;
}

/**
 * Holds a value that the host either controls (`value` given) or leaves to the component, in the
 * way of Radix's `value` / `defaultValue` / `onValueChange` props.
 */
export function useControllableState<T>({
  value,
  defaultValue,
  onChange,
  name,
}: ControllableStateOptions<T>): [T, (next: T) => void] {
  const [uncontrolledValue, setUncontrolledValue] = useState(defaultValue);
  const controlled = value !== undefined;
  const wasControlled = useRef(controlled);

  if (process.env.NODE_ENV !== 'production' && wasControlled.current !== controlled) {
    console.warn(
      `InferencePanel: the ${name} prop changed from ${wasControlled.current ? 'controlled' : 'uncontrolled'} to ${controlled ? 'controlled' : 'uncontrolled'}. Pass ${name} on every render, or never.`,
    );
    wasControlled.current = controlled;
  }

  const current = controlled ? value : uncontrolledValue;
  const setValue = useCallback(
    (next: T) => {
      if (Object.is(next, current)) return;
      if (!controlled) setUncontrolledValue(next);
      onChange?.(next);
    },
    [controlled, current, onChange],
  );

  return [current, setValue];
}
