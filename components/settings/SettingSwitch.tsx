import type { ComponentChildren } from 'preact';

interface Props {
  /** The contract key on the control (`data-setting`), e.g. `cross-device-sync`. */
  setting: string;
  checked: boolean;
  /** Called from the click itself, so a permission can be asked for in the user's gesture. */
  onToggle: (on: boolean) => void;
  children: ComponentChildren;
  disabled?: boolean;
}

/** One on/off setting as a labelled checkbox with the switch role. */
export function SettingSwitch({ setting, checked, onToggle, children, disabled }: Props) {
  return (
    <label class="setting switch">
      <input
        type="checkbox"
        role="switch"
        data-setting={setting}
        checked={checked}
        disabled={disabled}
        onClick={(event) => {
          // The box shows the stored setting, not the click: it follows once the change is stored
          // (a refused permission leaves it off).
          const on = event.currentTarget.checked;
          event.preventDefault();
          onToggle(on);
        }}
      />
      <span>{children}</span>
    </label>
  );
}
