package main

import (
	"fmt"

	"k8s.io/apimachinery/pkg/util/sets"
	"k8s.io/mount-utils"
)

func main() { fmt.Println(sets.New("a"), mount.New("")) }
