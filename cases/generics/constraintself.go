// run

// A constraint may name a type that instantiates the generic type being declared
// (Message in ResolvedDataConstraint holds an *Interaction[[]byte]).

package main

import "fmt"

type Interaction[DataT InteractionDataConstraint] struct {
	data DataT
}

type InteractionDataConstraint interface {
	[]byte | UserCommand
}

type UserCommand struct {
	Resolved Resolved
}

type Resolved struct {
	Users ResolvedData[User]
}

type ResolvedData[T ResolvedDataConstraint] map[uint64]T

type ResolvedDataConstraint interface {
	User | Message
}

type User struct{ name string }

type Message struct {
	Interaction *Interaction[[]byte]
}

func main() {
	m := Message{&Interaction[[]byte]{data: []byte("hi")}}
	r := Resolved{Users: ResolvedData[User]{7: {"ann"}}}
	u := Interaction[UserCommand]{data: UserCommand{r}}
	fmt.Println(string(m.Interaction.data), len(u.data.Resolved.Users), u.data.Resolved.Users[7].name)
	fmt.Printf("%T %T\n", m.Interaction, r.Users)
}
