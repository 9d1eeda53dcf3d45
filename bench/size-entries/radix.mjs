// The Radix primitives that the language toggle and the Show secrets switch use.
export * as Switch from '@radix-ui/react-switch';
export * as ToggleGroup from '@radix-ui/react-toggle-group';
