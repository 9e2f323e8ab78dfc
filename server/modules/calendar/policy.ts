import { type Actor, can } from '../../platform/actor.ts';

// Holidays and make-up working days move every SLA deadline, so they are policy settings.
export const calendarPolicy = {
  update: (actor: Actor) => can(actor, 'settings.write'),
};
