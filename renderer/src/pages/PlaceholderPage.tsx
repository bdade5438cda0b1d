// A page not built yet: its title and what it will hold (no page uses it now).
export function PlaceholderPage({ title, text }: { title: string; text: string }) {
  return (
    <section className="page">
      <h1>{title}</h1>
      <p className="placeholder">{text}</p>
      <p className="muted">此功能正在开发中。</p>
    </section>
  );
}
