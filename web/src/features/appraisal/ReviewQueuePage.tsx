// Placeholder: replaced by the screen (issue 6).
export default function ReviewQueuePage() {
  return null;
}
