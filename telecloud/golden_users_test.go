package telecloud

// The verbatim samples of User and what each decodes to.

var goldenUsers = []golden{
	// User
	{op: "User/Search", file: "User_Search", want: &UserSearchResponse{
		Users: []User{
			{
				UserID: "232", ProfileImage: "https://secureaccesspoint.com/profileimg/112333587627.png",
				Username: "some_one1", Email: "test@hawkinsegroup.com", FirstName: "Test", LastName: "User",
				InitialPassword: NewSecret("144era"), AccessLevel: AccessAdmin, Status: UserActive,
				LastLogin: mustTime("2019-07-07 12:59:52"), LastIP: "24.745.11.13",
			},
			{
				UserID: "233", ProfileImage: "https://secureaccesspoint.com/profileimg/20488774561722452.jpg",
				Username: "some_one2", Email: "legal@hawkinsegroup.com", FirstName: "Chris", LastName: "Cooper",
				InitialPassword: NewSecret("788733rr"), AccessLevel: AccessAdmin, Status: UserActive,
				LastLogin: mustTime("2018-04-09 18:27:56"), LastIP: "91.422.38.250",
			},
		},
	}},
	{op: "User/Create", file: "User_Create", want: &UserCreateResponse{
		Meta: Meta{TransID: "3123913"},
		User: User{UserID: "4717", Username: "chris_westbrook2", InitialPassword: NewSecret("2ne6j")},
	}},
	{op: "User/Edit", file: "User_Edit", want: &UserEditResponse{
		Meta: Meta{TransID: "3123901"},
		User: User{UserID: "518"},
	}},
}
