package time

import "errors"

// The binary form of a Time, as gc writes it: a version byte (1; 2 when the zone
// offset has seconds), the seconds since January 1 of year 1 (int64), the
// nanoseconds (int32) and the zone offset in minutes (int16, -1 for UTC), big-endian,
// then for version 2 the offset's seconds. refgo keeps every Time in UTC: it writes
// -1 and reads the instant, whatever the offset.
const (
	binaryVersion1 byte = 1
	binaryVersion2 byte = 2

	// unixToYear1 is the seconds from January 1 of year 1 to the Unix epoch.
	unixToYear1 int64 = (1969*365 + 1969/4 - 1969/100 + 1969/400) * 86400
)

// MarshalBinary implements encoding.BinaryMarshaler.
func (t Time) MarshalBinary() ([]byte, error) {
	sec := t.sec + unixToYear1
	nsec := t.nsec
	return []byte{
		binaryVersion1,
		byte(sec >> 56), byte(sec >> 48), byte(sec >> 40), byte(sec >> 32),
		byte(sec >> 24), byte(sec >> 16), byte(sec >> 8), byte(sec),
		byte(nsec >> 24), byte(nsec >> 16), byte(nsec >> 8), byte(nsec),
		0xff, 0xff, // -1: UTC
	}, nil
}

// UnmarshalBinary implements encoding.BinaryUnmarshaler.
func (t *Time) UnmarshalBinary(data []byte) error {
	if len(data) == 0 {
		return errors.New("Time.UnmarshalBinary: no data")
	}
	version := data[0]
	if version != binaryVersion1 && version != binaryVersion2 {
		return errors.New("Time.UnmarshalBinary: unsupported version")
	}
	want := 15
	if version == binaryVersion2 {
		want++
	}
	if len(data) != want {
		return errors.New("Time.UnmarshalBinary: invalid length")
	}
	var sec int64
	for _, b := range data[1:9] {
		sec = sec<<8 | int64(b)
	}
	var nsec int32
	for _, b := range data[9:13] {
		nsec = nsec<<8 | int32(b)
	}
	*t = Time{sec: sec - unixToYear1, nsec: int64(nsec)}
	return nil
}

// GobEncode implements the gob.GobEncoder interface: MarshalBinary's form.
func (t Time) GobEncode() ([]byte, error) {
	return t.MarshalBinary()
}

// GobDecode implements the gob.GobDecoder interface: UnmarshalBinary's form.
func (t *Time) GobDecode(data []byte) error {
	return t.UnmarshalBinary(data)
}
