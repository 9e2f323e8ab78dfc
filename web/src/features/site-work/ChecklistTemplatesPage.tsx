// PLACEHOLDER: checklist templates (site-work module)
export default function Page() {
  return null;
}
