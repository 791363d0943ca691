import { HF_ORIGIN, SYNC_PERIOD_MINUTES } from '../../utils/config';

export function App() {
  return (
    <main class="options-main">
      <h1 class="brand">Paperboy options</h1>
      <p>
        Paperboy syncs the Hugging Face trending and daily paper lists from <code>{HF_ORIGIN}</code> every{' '}
        {SYNC_PERIOD_MINUTES} minutes. Settings and backup arrive in a later version.
      </p>
    </main>
  );
}
