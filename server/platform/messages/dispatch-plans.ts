import type { Catalog } from './catalog.ts';

// Messages of the dispatch-plans module (issue 5 point 4), in both languages.
export const dispatchPlansMessages = {
  'dispatch.over_limit': {
    en: 'Too much to plan at once: {limit} is {value}, the limit (dispatch.limits) is {max}',
    'zh-CN': '超出排程规模上限：{limit} 为 {value}，上限（dispatch.limits）为 {max}',
  },
  'dispatch.plan_closed': {
    en: 'This plan is no longer a proposal; only a proposed plan can be edited, accepted or discarded',
    'zh-CN': '此方案已不是待确认方案；只有待确认的方案可以修改、接受或放弃',
  },
  'dispatch.plan_outdated': {
    en: 'This plan has been superseded or discarded; plan again from the current one',
    'zh-CN': '此方案已被取代或放弃，请基于当前方案重新规划',
  },
  'dispatch.fixed_stop': {
    en: 'Order {number} is under way; a job already started is never moved',
    'zh-CN': '工单 {number} 正在进行中；已开始的工作不能移动',
  },
  'dispatch.order_started': {
    en: 'Order {number} is already under way; it needs no planning',
    'zh-CN': '工单 {number} 已在进行中，无需规划',
  },
  'dispatch.not_plannable': {
    en: 'Order {number} needs no visit in its current state',
    'zh-CN': '工单 {number} 当前状态下不需要上门',
  },
  'dispatch.order_changed': {
    en: 'Order {number} changed after the plan was made; plan again or move it',
    'zh-CN': '工单 {number} 在方案生成后已有变化，请重新规划或调整该工单',
  },
  'dispatch.planner_failed': {
    en: 'The route planner could not finish; try again',
    'zh-CN': '路线规划未能完成，请重试',
  },
  'dispatch.plan_reassign_reason': {
    en: 'Day plan for {day} accepted',
    'zh-CN': '已接受 {day} 的日程方案',
  },
} as const satisfies Catalog;
