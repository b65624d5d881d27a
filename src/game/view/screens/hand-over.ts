// The hand-over screens of a shared keyboard: the partner's confirmation and the pass to the next seat.
import type { GameController } from '../../controller';
import type { PlainModel } from '../model';
import { helpGroup } from './common';

export function confirmScreen(c: GameController): PlainModel {
  const role = c.sc.roles[c.ui.role]!;
  const names = c.ui.draft.map((id) => c.sc.actions[id]?.name ?? id);
  return {
    screen: 'confirm',
    title: `Second player of ${role.name}: confirm?`,
    subtitle: `Turn ${c.state!.turn} · dyad`,
    sections: [
      {
        id: 'proposal',
        heading: 'Your partner proposes',
        lines: [
          ...(names.length ? names : ['No orders this turn.']),
          ...(c.ui.rationale ? [`Their reason: “${c.ui.rationale}”`] : []),
          'Both players of a role must agree. A refusal is recorded and shown in the debrief.',
        ],
      },
    ],
    groups: [
      {
        id: 'decide',
        heading: 'Decide',
        controls: [
          { id: 'confirm', label: 'Confirm these orders', key: 'Enter', run: () => c.endTurn() },
          {
            id: 'dispute',
            label: 'Disagree: send them back',
            key: 'D',
            run: () => c.disputeOrders(),
          },
        ],
      },
      helpGroup(c),
    ],
  };
}

export function passScreen(c: GameController): PlainModel {
  const role = c.sc.roles[c.ui.role]!;
  return {
    screen: 'pass',
    title: `Pass to ${role.name}`,
    subtitle: `Turn ${c.state!.turn} · hot seat`,
    sections: [
      {
        id: 'pass',
        heading: 'Orders are hidden',
        lines: [
          `The orders already given this turn stay hidden until the turn resolves. Hand the keyboard to the player of ${role.name} (${role.leader}).`,
        ],
      },
    ],
    groups: [
      {
        id: 'seat',
        heading: 'Ready?',
        controls: [
          {
            id: 'take-seat',
            label: `I play ${role.name}: show my crisis room`,
            key: 'Enter',
            run: () => c.takeSeat(),
          },
        ],
      },
      helpGroup(c),
    ],
  };
}
