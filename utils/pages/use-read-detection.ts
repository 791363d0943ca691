import { useEffect, useState } from 'preact/hooks';
import { hasOptional, requestOptional } from '../platform/permissions';
import { readDetectionItem } from '../settings/settings';

export interface ReadDetectionState {
  /** On: the switch is set and the sites are granted. Undefined until known. */
  on?: boolean;
  /** Why turning it on did not work (the permission refused), in plain words. */
  message?: string;
  setOn: (on: boolean) => void;
}

/**
 * The options page's switch for read detection. Turning it on asks for the optional host
 * permissions straight from the click (the browser shows its prompt only then); turning it off
 * only clears the switch (the background then stops listening).
 */
export function useReadDetection(): ReadDetectionState {
  const [enabled, setEnabled] = useState<boolean>();
  const [granted, setGranted] = useState<boolean>();
  const [message, setMessage] = useState<string>();
  // While the browser asks: the switch shows what is true, not where the click left it.
  const [asking, setAsking] = useState(false);

  useEffect(() => {
    void readDetectionItem.getValue().then(setEnabled);
    void hasOptional('readDetection').then(setGranted, () => setGranted(false));
    return readDetectionItem.watch(setEnabled);
  }, []);

  function setOn(on: boolean): void {
    setMessage(undefined);
    if (!on) {
      void readDetectionItem.setValue(false);
      return;
    }
    // No await before the request: it must run inside the click.
    const asked = requestOptional('readDetection');
    setAsking(true);
    void asked
      .then(async (outcome) => {
        setGranted(outcome.granted);
        if (outcome.granted) await readDetectionItem.setValue(true);
        else setMessage(outcome.message);
      })
      .finally(() => setAsking(false));
  }

  const on = enabled === undefined || granted === undefined || asking ? undefined : enabled && granted;
  return { on, message, setOn };
}
