// PLACEHOLDER: one feedback record (feedback module)
export default function Page() {
  return null;
}
