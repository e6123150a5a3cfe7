package sync

// A Pool is a set of temporary objects that may be individually saved and retrieved.
// refgo keeps what is Put until it is taken again (gc may drop it at a collection).
type Pool struct {
	items []any

	// New optionally specifies a function to generate a value when Get would
	// otherwise return nil.
	New func() any
}

// Put adds x to the pool.
func (p *Pool) Put(x any) {
	if x == nil {
		return
	}
	procPin()
	p.items = append(p.items, x)
	procUnpin()
}

// Get takes an item from the pool (the one Put last), or returns New() (nil without
// New) when it is empty.
func (p *Pool) Get() any {
	procPin()
	n := len(p.items)
	if n > 0 {
		x := p.items[n-1]
		p.items[n-1] = nil
		p.items = p.items[:n-1]
		procUnpin()
		return x
	}
	procUnpin()
	if p.New != nil {
		return p.New()
	}
	return nil
}

// Map is like a map[any]any safe for concurrent use by multiple goroutines. The zero
// Map is empty and ready for use. Range sees the entries present when it starts.
type Map struct {
	mu Mutex
	m  map[any]any
}

// Load returns the value stored in the map for a key, or nil if no value is present;
// ok reports whether a value was found.
func (m *Map) Load(key any) (value any, ok bool) {
	m.mu.Lock()
	value, ok = m.m[key]
	m.mu.Unlock()
	return value, ok
}

// Store sets the value for a key.
func (m *Map) Store(key, value any) {
	m.mu.Lock()
	if m.m == nil {
		m.m = map[any]any{}
	}
	m.m[key] = value
	m.mu.Unlock()
}

// LoadOrStore returns the existing value for the key if present (loaded true);
// otherwise it stores and returns the given value.
func (m *Map) LoadOrStore(key, value any) (actual any, loaded bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if v, ok := m.m[key]; ok {
		return v, true
	}
	if m.m == nil {
		m.m = map[any]any{}
	}
	m.m[key] = value
	return value, false
}

// LoadAndDelete deletes the value for a key, returning the previous value if any.
func (m *Map) LoadAndDelete(key any) (value any, loaded bool) {
	m.mu.Lock()
	value, loaded = m.m[key]
	delete(m.m, key)
	m.mu.Unlock()
	return value, loaded
}

// Delete deletes the value for a key.
func (m *Map) Delete(key any) { m.LoadAndDelete(key) }

// Range calls f for each key and value present in the map when Range starts (f may
// change the map), stopping when f returns false.
func (m *Map) Range(f func(key, value any) bool) {
	m.mu.Lock()
	keys := make([]any, 0, len(m.m))
	vals := make([]any, 0, len(m.m))
	for k, v := range m.m {
		keys = append(keys, k)
		vals = append(vals, v)
	}
	m.mu.Unlock()
	for i := range keys {
		if !f(keys[i], vals[i]) {
			return
		}
	}
}
