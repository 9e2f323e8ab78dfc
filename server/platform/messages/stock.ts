import type { Catalog } from './catalog.ts';

// Messages of the stock module (P4.3.1), in both languages.
export const stockMessages = {
  'stock.insufficient.warehouse': {
    en: 'Not enough {part} in the central warehouse: {available} available',
    'zh-CN': '中心仓库的“{part}”库存不足：可用 {available}',
  },
  'stock.insufficient.van': {
    en: "Not enough {part} in {holder}'s van: {available} available",
    'zh-CN': '{holder}的车载库存中“{part}”不足：可用 {available}',
  },
  'stock.not_held': {
    en: '{holder} holds no {part} in their van',
    'zh-CN': '{holder}的车载库存中没有“{part}”',
  },
  'stock.not_reserved': {
    en: 'Only {reserved} of {part} reserved for this order',
    'zh-CN': '本工单只预留了 {reserved} 个“{part}”',
  },
  'stock.nothing_to_return': {
    en: 'Only {returnable} of {part} issued to this order can be returned',
    'zh-CN': '本工单已领用未使用的“{part}”只有 {returnable} 个可退回',
  },
  'stock.wrong_state': {
    en: "This parts step is not possible in the order's current state",
    'zh-CN': '工单当前状态下不能进行此备件操作',
  },
  'stock.no_assignee': {
    en: 'The order has no technician to issue the parts to',
    'zh-CN': '工单尚未指派工程师，无法发料',
  },
  'stock.part_inactive': {
    en: '{part} is no longer in use',
    'zh-CN': '“{part}”已停用',
  },
  'stock.no_van': {
    en: 'Only an engineer has a van stock',
    'zh-CN': '只有工程师才有车载库存',
  },
} as const satisfies Catalog;
