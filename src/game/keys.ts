// The keyboard: shortcuts and a cursor over the current screen's controls, the same for the canvas
// and the DOM layer. Keys typed into a text field are left alone.
import type { GameController } from './controller';
import { allControls, press, type ScreenModel } from './view/model';

export function installKeys(
  controller: GameController,
  currentModel: () => ScreenModel,
  scroll: (pages: number) => void,
): void {
  document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target as HTMLElement | null;
    if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA')) {
      if (event.key === 'Enter' || event.key === 'Escape') {
        (target as HTMLInputElement).blur();
        if (target.id === 'seed-input') controller.setSeed((target as HTMLInputElement).value);
        if (target.id === 'rationale-input') controller.notify('Reason noted.');
        if (target.id === 'class-code-input' && event.key === 'Enter')
          controller.joinClass((target as HTMLInputElement).value);
        event.preventDefault();
      }
      return;
    }
    const model = currentModel();
    const controls = allControls(model);
    const usable = controls.filter((c) => !c.disabled);
    const onButton = target?.tagName === 'BUTTON';

    if (event.key === 'Escape') {
      if (model.overlay) controller.openOverlay(null);
      else if (controller.ui.why) controller.showWhy(null);
      event.preventDefault();
      return;
    }
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (usable.length === 0) return;
      const at = usable.findIndex((c) => c.id === model.focus);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      const next =
        at < 0 ? (step > 0 ? 0 : usable.length - 1) : (at + step + usable.length) % usable.length;
      controller.focusControl(usable[next]!.id);
      event.preventDefault();
      return;
    }
    if (
      model.screen === 'viewer' &&
      ['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)
    ) {
      const v = controller.viewer;
      if (v) {
        const to = { ArrowLeft: v.turns - 1, ArrowRight: v.turns + 1, Home: 0, End: v.total }[
          event.key
        ]!;
        controller.viewTurn(to);
        event.preventDefault();
      }
      return;
    }
    if (event.key === 'PageDown' || event.key === 'PageUp') {
      scroll(event.key === 'PageDown' ? 1 : -1);
      event.preventDefault();
      return;
    }
    if ((event.key === 'Enter' || event.key === ' ') && !onButton) {
      const focused = controls.find((c) => c.id === model.focus);
      const chosen =
        focused ?? (event.key === 'Enter' ? controls.find((c) => c.key === 'Enter') : undefined);
      if (chosen) {
        press(controller, chosen, false);
        event.preventDefault();
      }
      return;
    }
    if (event.key === 'Enter' || event.key === ' ') return;
    const key = event.key === '?' ? '?' : event.key.toUpperCase();
    const field =
      model.screen === 'title' && key === 'S'
        ? 'seed-input'
        : model.screen === 'crisis' && key === 'Y'
          ? 'rationale-input'
          : null;
    if (field) {
      controller.focusField(field);
      event.preventDefault();
      return;
    }
    const shortcut = controls.find(
      (c) => c.key && c.key.toUpperCase() === key && c.key !== 'Enter',
    );
    if (shortcut) {
      press(controller, shortcut, false);
      event.preventDefault();
    }
  });
}
