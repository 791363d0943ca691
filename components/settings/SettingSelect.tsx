export interface Choice<T> {
  value: T;
  label: string;
}

interface Props<T extends string | number> {
  /** The contract key on the control (`data-setting`), e.g. `badge-mode`. */
  setting: string;
  label: string;
  value: T;
  choices: readonly Choice<T>[];
  onChange: (value: T) => void;
  hint?: string;
  disabled?: boolean;
}

/** One setting as a labelled menu; the menu shows the value in force. */
export function SettingSelect<T extends string | number>({ setting, label, value, choices, onChange, hint, disabled }: Props<T>) {
  const id = `setting-${setting}`;
  return (
    <div class="setting">
      <label class="field" for={id}>
        {label}
      </label>
      <select
        id={id}
        data-setting={setting}
        value={String(value)}
        disabled={disabled}
        onChange={(event) => {
          const chosen = choices.find((choice) => String(choice.value) === event.currentTarget.value);
          if (chosen) onChange(chosen.value);
        }}
      >
        {choices.map((choice) => (
          <option key={String(choice.value)} value={String(choice.value)}>
            {choice.label}
          </option>
        ))}
      </select>
      {hint && <p class="hint">{hint}</p>}
    </div>
  );
}
