import { type Actor, can } from '../../platform/actor.ts';

export const settingsPolicy = {
  update: (actor: Actor) => can(actor, 'settings.write'),
};
