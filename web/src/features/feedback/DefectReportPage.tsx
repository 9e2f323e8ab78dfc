// PLACEHOLDER: defect report (feedback module)
export default function Page() {
  return null;
}
