// PLACEHOLDER: department inbox (feedback module)
export default function Page() {
  return null;
}
