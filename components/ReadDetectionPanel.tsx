interface Props {
  on?: boolean;
  message?: string;
  /** The sites watched, as shown to the user (`arxiv.org`, `alphaxiv.org`, `huggingface.co`). */
  hosts: readonly string[];
  onChange: (on: boolean) => void;
}

/** The switch for read detection, with what it asks for and why. */
export function ReadDetectionPanel({ on, message, hosts, onChange }: Props) {
  return (
    <section class="panel" aria-labelledby="read-detection-title">
      <h2 id="read-detection-title">Read detection</h2>
      <label class="field">
        <input type="checkbox" data-setting="read-detection" checked={on === true} disabled={on === undefined} onChange={(event) => onChange(event.currentTarget.checked)} />{' '}
        Mark a paper read when I open it on {hosts.join(', ')}
      </label>
      <p class="hint">
        The browser will ask to let Paperboy see the address of your tabs on these sites, and only there. Paperboy looks for a paper id in
        it and marks that paper read on this device; it reads nothing of the page and sends nothing anywhere. Without it, only papers you
        open from Paperboy count as read.
      </p>
      {message && (
        <p class="result tone-warn" role="alert" data-role="read-detection-message">
          {message}
        </p>
      )}
    </section>
  );
}
