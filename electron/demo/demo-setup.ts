// The demo account's inventory: ingredients and recipes that match the fake's menu, so mapping its
// items makes sense (also of the dishes the demo leaves unmapped, so their suggestions are right).
// Imported only into an empty inventory.
export const DEMO_SETUP = {
  "storageUnits": [
    {
      "name": "Main Kitchen"
    },
    {
      "name": "Bar Storage"
    },
    {
      "name": "Island Store"
    },
    {
      "name": "Diner Store"
    }
  ],
  "ingredients": [
    {
      "name": "Coffee beans",
      "unit": "kg"
    },
    {
      "name": "Milk",
      "unit": "l"
    },
    {
      "name": "Oat milk",
      "unit": "l"
    },
    {
      "name": "Tea bag",
      "unit": "piece"
    },
    {
      "name": "Cola bottle 0.33 l",
      "unit": "bottle"
    },
    {
      "name": "Burger bun",
      "unit": "piece"
    },
    {
      "name": "Beef patty",
      "unit": "piece"
    },
    {
      "name": "Veggie patty",
      "unit": "piece"
    },
    {
      "name": "Tomato",
      "unit": "kg"
    },
    {
      "name": "Cheddar",
      "unit": "kg"
    },
    {
      "name": "Pizza dough ball",
      "unit": "piece"
    },
    {
      "name": "Tomato sauce",
      "unit": "kg"
    },
    {
      "name": "Mozzarella",
      "unit": "kg"
    },
    {
      "name": "Potatoes",
      "unit": "kg"
    },
    {
      "name": "Frying oil",
      "unit": "l"
    },
    {
      "name": "Beef steak",
      "unit": "kg"
    },
    {
      "name": "Fish fillet",
      "unit": "kg"
    },
    {
      "name": "Romaine lettuce",
      "unit": "kg"
    },
    {
      "name": "Parmesan",
      "unit": "kg"
    },
    {
      "name": "Mushrooms",
      "unit": "kg"
    },
    {
      "name": "Gin",
      "unit": "l"
    },
    {
      "name": "Tonic water bottle",
      "unit": "bottle"
    },
    {
      "name": "House lager",
      "unit": "l"
    },
    {
      "name": "Red wine",
      "unit": "l"
    },
    {
      "name": "Cheese",
      "unit": "kg"
    },
    {
      "name": "Olives",
      "unit": "kg"
    },
    {
      "name": "Sandwich bread",
      "unit": "piece"
    },
    {
      "name": "Chicken breast",
      "unit": "kg"
    },
    {
      "name": "Cheesecake slice",
      "unit": "piece"
    },
    {
      "name": "Chocolate brownie",
      "unit": "piece"
    },
    {
      "name": "Apple pie slice",
      "unit": "piece"
    },
    {
      "name": "Sparkling water bottle 0.5 l",
      "unit": "bottle"
    },
    {
      "name": "Orange juice",
      "unit": "l"
    },
    {
      "name": "Croissant",
      "unit": "piece"
    },
    {
      "name": "Pain au chocolat",
      "unit": "piece"
    },
    {
      "name": "Bread roll",
      "unit": "piece"
    },
    {
      "name": "Butter",
      "unit": "kg"
    }
  ],
  "recipes": [
    {
      "name": "Fries portion",
      "yield": "1",
      "lines": [
        {
          "ingredient": "Potatoes",
          "quantity": "0.25",
          "trimPct": "15"
        },
        {
          "ingredient": "Frying oil",
          "quantity": "0.02"
        }
      ]
    },
    {
      "name": "Classic Burger recipe",
      "yield": "1",
      "lines": [
        {
          "ingredient": "Burger bun",
          "quantity": "1"
        },
        {
          "ingredient": "Beef patty",
          "quantity": "1"
        },
        {
          "ingredient": "Cheddar",
          "quantity": "0.02"
        },
        {
          "ingredient": "Tomato",
          "quantity": "0.03",
          "trimPct": "10"
        },
        {
          "recipe": "Fries portion",
          "quantity": "1"
        }
      ]
    },
    {
      "name": "Veggie Burger recipe",
      "yield": "1",
      "lines": [
        {
          "ingredient": "Burger bun",
          "quantity": "1"
        },
        {
          "ingredient": "Veggie patty",
          "quantity": "1"
        },
        {
          "ingredient": "Tomato",
          "quantity": "0.03",
          "trimPct": "10"
        }
      ]
    },
    {
      "name": "Pizza Margherita recipe",
      "yield": "1",
      "lines": [
        {
          "ingredient": "Pizza dough ball",
          "quantity": "1"
        },
        {
          "ingredient": "Tomato sauce",
          "quantity": "0.08"
        },
        {
          "ingredient": "Mozzarella",
          "quantity": "0.125"
        }
      ]
    },
    {
      "name": "Steak frites recipe",
      "yield": "1",
      "lines": [
        {
          "ingredient": "Beef steak",
          "quantity": "0.25",
          "trimPct": "5"
        },
        {
          "recipe": "Fries portion",
          "quantity": "1"
        }
      ]
    },
    {
      "name": "Fish and chips recipe",
      "yield": "1",
      "lines": [
        {
          "ingredient": "Fish fillet",
          "quantity": "0.18"
        },
        {
          "ingredient": "Frying oil",
          "quantity": "0.03"
        },
        {
          "recipe": "Fries portion",
          "quantity": "1"
        }
      ]
    },
    {
      "name": "Caesar salad recipe",
      "yield": "1",
      "lines": [
        {
          "ingredient": "Romaine lettuce",
          "quantity": "0.15",
          "trimPct": "20"
        },
        {
          "ingredient": "Parmesan",
          "quantity": "0.02"
        }
      ]
    },
    {
      "name": "Pizza Funghi recipe",
      "yield": "1",
      "lines": [
        {
          "ingredient": "Pizza dough ball",
          "quantity": "1"
        },
        {
          "ingredient": "Tomato sauce",
          "quantity": "0.08"
        },
        {
          "ingredient": "Mozzarella",
          "quantity": "0.1"
        },
        {
          "ingredient": "Mushrooms",
          "quantity": "0.06"
        }
      ]
    },
    {
      "name": "Gin tonic recipe",
      "yield": "1",
      "lines": [
        {
          "ingredient": "Gin",
          "quantity": "0.04"
        },
        {
          "ingredient": "Tonic water bottle",
          "quantity": "1"
        }
      ]
    },
    {
      "name": "Club sandwich recipe",
      "yield": "1",
      "lines": [
        {
          "ingredient": "Sandwich bread",
          "quantity": "3"
        },
        {
          "ingredient": "Chicken breast",
          "quantity": "0.12"
        },
        {
          "ingredient": "Tomato",
          "quantity": "0.04"
        },
        {
          "ingredient": "Romaine lettuce",
          "quantity": "0.02"
        }
      ]
    },
    {
      "name": "Soup of the day recipe",
      "yield": "10",
      "lines": [
        {
          "ingredient": "Tomato",
          "quantity": "2"
        },
        {
          "ingredient": "Potatoes",
          "quantity": "1",
          "trimPct": "15"
        },
        {
          "ingredient": "Milk",
          "quantity": "0.5"
        }
      ]
    },
    {
      "name": "Bread and butter recipe",
      "yield": "1",
      "lines": [
        {
          "ingredient": "Bread roll",
          "quantity": "2"
        },
        {
          "ingredient": "Butter",
          "quantity": "0.02"
        }
      ]
    }
  ],
  "receipts": [
    {
      "ingredient": "Coffee beans",
      "storageUnit": "Main Kitchen",
      "quantity": "20",
      "value": "360",
      "date": "2025-01-02"
    },
    {
      "ingredient": "Milk",
      "storageUnit": "Main Kitchen",
      "quantity": "120",
      "value": "132",
      "date": "2025-01-02"
    },
    {
      "ingredient": "Cola bottle 0.33 l",
      "storageUnit": "Bar Storage",
      "quantity": "480",
      "value": "288",
      "date": "2025-01-02"
    },
    {
      "ingredient": "Burger bun",
      "storageUnit": "Main Kitchen",
      "quantity": "400",
      "value": "140",
      "date": "2025-01-02"
    },
    {
      "ingredient": "Beef patty",
      "storageUnit": "Main Kitchen",
      "quantity": "400",
      "value": "720",
      "date": "2025-01-02"
    },
    {
      "ingredient": "Tomato",
      "storageUnit": "Main Kitchen",
      "quantity": "25",
      "value": "72.5",
      "date": "2025-01-02"
    },
    {
      "ingredient": "Potatoes",
      "storageUnit": "Main Kitchen",
      "quantity": "200",
      "value": "160",
      "date": "2025-01-02"
    },
    {
      "ingredient": "Beef steak",
      "storageUnit": "Main Kitchen",
      "quantity": "40",
      "value": "880",
      "date": "2025-01-02"
    },
    {
      "ingredient": "Fish fillet",
      "storageUnit": "Main Kitchen",
      "quantity": "30",
      "value": "420",
      "date": "2025-01-02"
    },
    {
      "ingredient": "Romaine lettuce",
      "storageUnit": "Main Kitchen",
      "quantity": "20",
      "value": "64",
      "date": "2025-01-02"
    },
    {
      "ingredient": "Parmesan",
      "storageUnit": "Main Kitchen",
      "quantity": "5",
      "value": "110",
      "date": "2025-01-02"
    },
    {
      "ingredient": "Mushrooms",
      "storageUnit": "Main Kitchen",
      "quantity": "10",
      "value": "48",
      "date": "2025-01-02"
    },
    {
      "ingredient": "Gin",
      "storageUnit": "Bar Storage",
      "quantity": "21",
      "value": "378",
      "date": "2025-01-02"
    },
    {
      "ingredient": "Tonic water bottle",
      "storageUnit": "Bar Storage",
      "quantity": "240",
      "value": "168",
      "date": "2025-01-02"
    },
    {
      "ingredient": "Oat milk",
      "storageUnit": "Main Kitchen",
      "quantity": "12",
      "value": "22.8",
      "date": "2025-01-02"
    },
    {
      "ingredient": "Tea bag",
      "storageUnit": "Main Kitchen",
      "quantity": "200",
      "value": "16",
      "date": "2025-01-02"
    },
    {
      "ingredient": "Veggie patty",
      "storageUnit": "Main Kitchen",
      "quantity": "60",
      "value": "96",
      "date": "2025-01-02"
    },
    {
      "ingredient": "Cheddar",
      "storageUnit": "Main Kitchen",
      "quantity": "3",
      "value": "28.5",
      "date": "2025-01-02"
    },
    {
      "ingredient": "Pizza dough ball",
      "storageUnit": "Main Kitchen",
      "quantity": "100",
      "value": "45",
      "date": "2025-01-02"
    },
    {
      "ingredient": "Tomato sauce",
      "storageUnit": "Main Kitchen",
      "quantity": "10",
      "value": "24",
      "date": "2025-01-02"
    },
    {
      "ingredient": "Mozzarella",
      "storageUnit": "Main Kitchen",
      "quantity": "10",
      "value": "72",
      "date": "2025-01-02"
    },
    {
      "ingredient": "Frying oil",
      "storageUnit": "Main Kitchen",
      "quantity": "10",
      "value": "21",
      "date": "2025-01-02"
    },
    {
      "ingredient": "House lager",
      "storageUnit": "Bar Storage",
      "quantity": "50",
      "value": "110",
      "date": "2025-01-02"
    },
    {
      "ingredient": "Red wine",
      "storageUnit": "Bar Storage",
      "quantity": "18",
      "value": "117",
      "date": "2025-01-02"
    },
    {
      "ingredient": "Cheese",
      "storageUnit": "Main Kitchen",
      "quantity": "8",
      "value": "116",
      "date": "2025-01-02"
    },
    {
      "ingredient": "Olives",
      "storageUnit": "Main Kitchen",
      "quantity": "5",
      "value": "45",
      "date": "2025-01-02"
    },
    {
      "ingredient": "Sandwich bread",
      "storageUnit": "Main Kitchen",
      "quantity": "120",
      "value": "18",
      "date": "2025-01-02"
    },
    {
      "ingredient": "Chicken breast",
      "storageUnit": "Main Kitchen",
      "quantity": "8",
      "value": "76",
      "date": "2025-01-02"
    },
    {
      "ingredient": "Cheesecake slice",
      "storageUnit": "Main Kitchen",
      "quantity": "40",
      "value": "60",
      "date": "2025-01-02"
    },
    {
      "ingredient": "Chocolate brownie",
      "storageUnit": "Main Kitchen",
      "quantity": "40",
      "value": "38",
      "date": "2025-01-02"
    },
    {
      "ingredient": "Apple pie slice",
      "storageUnit": "Main Kitchen",
      "quantity": "40",
      "value": "48",
      "date": "2025-01-02"
    },
    {
      "ingredient": "Sparkling water bottle 0.5 l",
      "storageUnit": "Bar Storage",
      "quantity": "96",
      "value": "57.6",
      "date": "2025-01-02"
    },
    {
      "ingredient": "Orange juice",
      "storageUnit": "Bar Storage",
      "quantity": "20",
      "value": "36",
      "date": "2025-01-02"
    },
    {
      "ingredient": "Croissant",
      "storageUnit": "Main Kitchen",
      "quantity": "40",
      "value": "22",
      "date": "2025-01-02"
    },
    {
      "ingredient": "Pain au chocolat",
      "storageUnit": "Main Kitchen",
      "quantity": "40",
      "value": "26",
      "date": "2025-01-02"
    },
    {
      "ingredient": "Bread roll",
      "storageUnit": "Main Kitchen",
      "quantity": "100",
      "value": "25",
      "date": "2025-01-02"
    },
    {
      "ingredient": "Butter",
      "storageUnit": "Main Kitchen",
      "quantity": "5",
      "value": "42.5",
      "date": "2025-01-02"
    }
  ]
};
