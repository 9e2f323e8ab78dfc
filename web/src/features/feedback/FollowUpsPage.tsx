// PLACEHOLDER: follow-ups (feedback module)
export default function Page() {
  return null;
}
