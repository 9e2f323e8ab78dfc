import type { Catalog } from './catalog.ts';

// Messages of the feedback module, in both languages.
export const feedbackMessages = {
  'field.defect_category': { en: 'Not a defect category in force', 'zh-CN': '不是当前有效的缺陷类别' },
  'field.product_model_required': { en: 'The product model is required for a defect', 'zh-CN': '上报缺陷须填写产品型号' },
  'field.not_staff': { en: 'Not an active employee', 'zh-CN': '不是在职员工' },
  'feedback.conflict_transition': {
    en: 'This step is not possible in the feedback\'s current status',
    'zh-CN': '该反馈当前状态下不能执行此操作',
  },
  'feedback.no_follow_up_assignee': {
    en: 'Nobody can follow this up: the order has no assignee and its team no supervisor',
    'zh-CN': '无人可跟进：工单没有负责人，其团队也没有主管',
  },
  'followUp.done': { en: 'This follow-up is already done', 'zh-CN': '该跟进任务已完成' },
  // in-app notice to the department (P4.4.3)
  'feedback.notice.subject': { en: 'New feedback {number}', 'zh-CN': '新的反馈 {number}' },
  'feedback.notice.body': {
    en: '{kind} from order {order}: {title} (raised by {by}).',
    'zh-CN': '来自工单 {order} 的{kind}：{title}（{by} 提交）。',
  },
  'feedback.kind.defect': { en: 'Product defect or quality problem', 'zh-CN': '产品缺陷/质量问题' },
  'feedback.kind.suggestion': { en: 'Product suggestion', 'zh-CN': '产品建议' },
  'feedback.kind.opinion': { en: 'Customer opinion', 'zh-CN': '客户意见' },
  'feedback.severity.low': { en: 'Low', 'zh-CN': '低' },
  'feedback.severity.medium': { en: 'Medium', 'zh-CN': '中' },
  'feedback.severity.high': { en: 'High', 'zh-CN': '高' },
  'feedback.severity.critical': { en: 'Critical', 'zh-CN': '严重' },
  'feedback.status.received': { en: 'Received', 'zh-CN': '已接收' },
  'feedback.status.investigating': { en: 'Investigating', 'zh-CN': '调查中' },
  'feedback.status.answered': { en: 'Answered', 'zh-CN': '已答复' },
  'feedback.status.closed': { en: 'Closed', 'zh-CN': '已关闭' },
  // the defect report workbook (P2.2.2)
  'feedback.xlsx.pivotSheet': { en: 'Defects by month', 'zh-CN': '按月缺陷统计' },
  'feedback.xlsx.rowsSheet': { en: 'Defect records', 'zh-CN': '缺陷明细' },
  'feedback.xlsx.severitySheet': { en: 'By severity', 'zh-CN': '按严重程度' },
  'feedback.xlsx.model': { en: 'Product model', 'zh-CN': '产品型号' },
  'feedback.xlsx.category': { en: 'Defect category', 'zh-CN': '缺陷类别' },
  'feedback.xlsx.total': { en: 'Total', 'zh-CN': '合计' },
  'feedback.xlsx.number': { en: 'Number', 'zh-CN': '编号' },
  'feedback.xlsx.raisedAt': { en: 'Raised at', 'zh-CN': '提交时间' },
  'feedback.xlsx.serial': { en: 'Serial number', 'zh-CN': '序列号' },
  'feedback.xlsx.severity': { en: 'Severity', 'zh-CN': '严重程度' },
  'feedback.xlsx.status': { en: 'Status', 'zh-CN': '状态' },
  'feedback.xlsx.title': { en: 'Title', 'zh-CN': '标题' },
  'feedback.xlsx.description': { en: 'Description', 'zh-CN': '描述' },
  'feedback.xlsx.order': { en: 'Work order', 'zh-CN': '工单号' },
  'feedback.xlsx.raisedBy': { en: 'Raised by', 'zh-CN': '提交人' },
  'feedback.xlsx.answer': { en: 'Department answer', 'zh-CN': '部门答复' },
  'feedback.xlsx.count': { en: 'Count', 'zh-CN': '数量' },
} as const satisfies Catalog;
