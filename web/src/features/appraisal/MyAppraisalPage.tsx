// Placeholder: replaced by the screen (issue 6).
export default function MyAppraisalPage() {
  return null;
}
