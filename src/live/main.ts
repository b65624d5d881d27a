// The live-class page (live.html): `#host` for the teacher, `#join` (or `#join=CODE`) for a
// student, and a choice between them otherwise. It needs the live-class server (`npm run serve`)
// behind it; opened from a plain file server it says so instead of failing silently.
import { ScenarioVersions } from '../browser/scenario-versions';
import { ownScenario } from '../browser/own-scenario';
import { formatFaults } from '../sim';
import { NO_SERVER, serverIsThere } from './connection';
import { el } from './dom';
import { StudentPage } from './student';
import { TeacherPage } from './teacher';

const root = document.getElementById('app')!;
const status = el('p', {
  class: 'live-status',
  id: 'live-status',
  attrs: { role: 'status', 'aria-live': 'polite' },
});
const say = (text: string) => {
  status.textContent = text;
};

function nav(): HTMLElement {
  const links = [
    ['./index.html', 'Play the game'],
    ['./live.html#host', 'Host a live class'],
    ['./live.html#join', 'Join a live class'],
    ['./class.html', 'Class view'],
  ] as const;
  return el(
    'nav',
    { class: 'pages no-print', attrs: { 'aria-label': 'Brink pages' } },
    el(
      'ul',
      null,
      ...links.map(([href, label]) => el('li', null, el('a', { attrs: { href } }, label))),
    ),
  );
}

async function start(): Promise<void> {
  root.replaceChildren(nav(), status);
  const loaded = ownScenario();
  if (!loaded.ok) {
    say(`The scenario is broken: ${formatFaults(loaded.errors)}`);
    return;
  }
  const versions = new ScenarioVersions(loaded.value);
  const hash = location.hash.replace(/^#/, '');
  const [mode, code] = hash.split('=');
  if (mode !== 'host' && mode !== 'join') {
    root.append(
      el(
        'main',
        { class: 'live choose' },
        el('h1', null, 'Live class'),
        el('p', { class: 'lead' }, 'One shared crisis across the students’ own devices.'),
        el(
          'ul',
          { class: 'big-links' },
          el(
            'li',
            null,
            el(
              'a',
              { attrs: { href: '#host', id: 'live-choose-host' } },
              'Host a live class (teacher)',
            ),
          ),
          el(
            'li',
            null,
            el(
              'a',
              { attrs: { href: '#join', id: 'live-choose-join' } },
              'Join a live class (student)',
            ),
          ),
        ),
      ),
    );
    return;
  }
  say('Looking for the class server…');
  if (!(await serverIsThere())) {
    root.append(
      el(
        'main',
        { class: 'live no-server' },
        el('h1', null, mode === 'host' ? 'Host a live class' : 'Join a live class'),
        el('p', { class: 'problem', id: 'live-no-server', attrs: { role: 'alert' } }, NO_SERVER),
      ),
    );
    say('No class server behind this page.');
    return;
  }
  say('');
  if (mode === 'host') await new TeacherPage(root, versions, say).start();
  else await new StudentPage(root, versions, say, code ?? '').start();
}

// Another mode chosen from the page's own links: start again in it.
window.addEventListener('hashchange', () => location.reload());
void start();
