// Placeholder: replaced by the screen (issue 6).
export default function AppraisalDashboardPage() {
  return null;
}
